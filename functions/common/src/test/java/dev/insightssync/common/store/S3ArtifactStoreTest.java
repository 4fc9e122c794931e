package dev.insightssync.common.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.insightssync.common.testing.LocalS3;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Integration test of {@link S3ArtifactStore} against an S3-compatible server on loopback. */
class S3ArtifactStoreTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension("artifacts");

    private static S3Client s3;
    private static S3ArtifactStore store;

    @BeforeAll
    static void connect() {
        s3 = LocalS3.client(S3_MOCK);
        store = new S3ArtifactStore(s3, "artifacts");
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void put_thenRead_returnsSameBytes() throws Exception {
        store.put("runs/a/report.json", "{\"ok\":true}".getBytes(UTF_8), "application/json");

        assertThat(store.read("runs/a/report.json")).hasValue("{\"ok\":true}".getBytes(UTF_8));
        assertThat(store.exists("runs/a/report.json")).isTrue();
        try (InputStream in = store.open("runs/a/report.json")) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("{\"ok\":true}");
        }
    }

    @Test
    void read_missingKey_returnsEmpty() {
        assertThat(store.read("runs/none/report.json")).isEmpty();
        assertThat(store.exists("runs/none/report.json")).isFalse();
    }

    @Test
    void open_missingKey_raisesNotFoundNamingLocation() {
        assertThatThrownBy(() -> store.open("runs/none/manifest.json"))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("s3://artifacts/runs/none/manifest.json");
    }

    @Test
    void locationOf_returnsS3Url() {
        assertThat(store.locationOf("lists/ip/abc.txt")).isEqualTo("s3://artifacts/lists/ip/abc.txt");
    }
}
