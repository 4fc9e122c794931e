package dev.insightssync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit test of {@link S3Location}: the location forms GuardDuty accepts. */
class S3LocationTest {

    private static final S3Location OBJECT = new S3Location("artifacts", "lists/ip/abc.txt");

    @Test
    void parse_everyAcceptedForm_sameObject() {
        assertThat(S3Location.parse("s3://artifacts/lists/ip/abc.txt")).hasValue(OBJECT);
        assertThat(S3Location.parse("https://s3.amazonaws.com/artifacts/lists/ip/abc.txt")).hasValue(OBJECT);
        assertThat(S3Location.parse("https://s3.eu-west-1.amazonaws.com/artifacts/lists/ip/abc.txt")).hasValue(OBJECT);
        assertThat(S3Location.parse("https://artifacts.s3.amazonaws.com/lists/ip/abc.txt")).hasValue(OBJECT);
    }

    @Test
    void parse_otherText_empty() {
        assertThat(S3Location.parse("/tmp/out/lists/ip/abc.txt")).isEmpty();
        assertThat(S3Location.parse("https://example.org/artifacts/lists/ip/abc.txt")).isEmpty();
        assertThat(S3Location.parse("s3://artifacts")).isEmpty();
        assertThat(S3Location.parse(null)).isEmpty();
    }

    @Test
    void sameObject_comparesParsedObjectsOrElseText() {
        assertThat(S3Location.sameObject("s3://artifacts/lists/ip/abc.txt",
                "https://s3.amazonaws.com/artifacts/lists/ip/abc.txt")).isTrue();
        assertThat(S3Location.sameObject("s3://artifacts/lists/ip/abc.txt", "s3://artifacts/lists/ip/abd.txt")).isFalse();
        assertThat(S3Location.sameObject("/tmp/a.txt", "/tmp/a.txt")).isTrue();
        assertThat(S3Location.sameObject(null, "/tmp/a.txt")).isFalse();
    }
}
