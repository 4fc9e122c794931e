package dev.insightssync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** Integration test of the tagging of superseded list files, against S3Mock and the GuardDuty fake. */
class SupersededListTaggingTest {

    private static final FakeGuardDuty FAKE = new FakeGuardDuty();
    private static final Map<String, String> SUPERSEDED =
            Map.of(S3SupersededListMarker.TAG_KEY, S3SupersededListMarker.TAG_VALUE);

    @RegisterExtension
    static final WireMockExtension GUARD_DUTY = FakeGuardDuty.extension(FAKE);

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension(PublishFixtures.BUCKET);

    private static S3Client s3;
    private static GuardDutyClient guardDuty;
    private static S3ArtifactStore store;

    private GuardDutyPublisher publisher;

    @BeforeAll
    static void connect() {
        s3 = LocalS3.client(S3_MOCK);
        store = new S3ArtifactStore(s3, PublishFixtures.BUCKET);
        guardDuty = PublishFixtures.guardDuty(GUARD_DUTY);
    }

    @AfterAll
    static void close() {
        guardDuty.close();
        s3.close();
    }

    @BeforeEach
    void reset() {
        FAKE.reset(GUARD_DUTY, "det1");
        publisher = new GuardDutyPublisher(region -> new SdkGuardDutyGateway(guardDuty), store,
                PublishSettings.defaults(), new S3SupersededListMarker(s3, PublishFixtures.BUCKET));
    }

    @Test
    void update_tagsOldFileOnly() {
        ThreatListFile old = PublishFixtures.ipList(store, 0, 4);
        ThreatListFile current = PublishFixtures.ipList(store, 1, 4);
        FAKE.addList("threatintelset", "ip-set", PublishFixtures.IP_NAME, "TXT", old.location(), "ACTIVE");

        publisher.publish(new UpdateThreatIntelSetInput(PublishFixtures.run(false), current, null));

        assertThat(FAKE.list("threatintelset", "ip-set").location()).isEqualTo(current.location());
        assertThat(tags(old.key())).isEqualTo(SUPERSEDED);
        assertThat(tags(current.key())).isEmpty();
    }

    @Test
    void unchangedList_tagsNothing() {
        ThreatListFile current = PublishFixtures.ipList(store, 2, 3);
        FAKE.addList("threatintelset", "ip-set", PublishFixtures.IP_NAME, "TXT", current.location(), "ACTIVE");

        publisher.publish(new UpdateThreatIntelSetInput(PublishFixtures.run(false), current, null));

        assertThat(tags(current.key())).isEmpty();
    }

    @Test
    void sharedOldFile_notTagged() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 4);
        FAKE.addList("threatintelset", "ip-set", PublishFixtures.IP_NAME, "TXT", domain.location(), "ACTIVE");

        publisher.publish(new UpdateThreatIntelSetInput(PublishFixtures.run(true), ip, domain));

        assertThat(FAKE.list("threatintelset", "ip-set").location()).isEqualTo(ip.location());
        assertThat(tags(domain.key())).isEmpty();
        assertThat(tags(ip.key())).isEmpty();
    }

    @Test
    void oldFileGone_updateStillSucceeds() {
        ThreatListFile current = PublishFixtures.ipList(store, 5, 2);
        String missing = "s3://" + PublishFixtures.BUCKET + "/lists/ip/missing.txt";
        FAKE.addList("threatintelset", "ip-set", PublishFixtures.IP_NAME, "TXT", missing, "ACTIVE");

        publisher.publish(new UpdateThreatIntelSetInput(PublishFixtures.run(false), current, null));

        assertThat(FAKE.list("threatintelset", "ip-set").location()).isEqualTo(current.location());
        assertThat(tags(current.key())).isEmpty();
    }

    private static Map<String, String> tags(String key) {
        return s3.getObjectTagging(request -> request.bucket(PublishFixtures.BUCKET).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
