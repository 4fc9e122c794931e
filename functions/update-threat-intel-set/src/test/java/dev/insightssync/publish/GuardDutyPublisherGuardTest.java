package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.insightssync.publish.PublishFixtures.DOMAIN_NAME;
import static dev.insightssync.publish.PublishFixtures.IP_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Integration test of the guards that stop {@link GuardDutyPublisher} from weakening or touching a busy list. */
class GuardDutyPublisherGuardTest {

    private static final FakeGuardDuty FAKE = new FakeGuardDuty();

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
        publisher = new GuardDutyPublisher(region -> new SdkGuardDutyGateway(guardDuty), store, PublishSettings.defaults());
    }

    @Test
    void publish_shrinkAboveLimit_rejected() {
        ThreatListFile previous = PublishFixtures.ipList(store, 10);
        ThreatListFile ip = PublishFixtures.ipList(store, 4);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previous.location(), "ACTIVE");

        assertThatThrownBy(() -> publisher.publish(input(ip, null, false)))
                .isInstanceOf(ThreatListShrinkException.class)
                .hasMessage("The new list for ThreatIntelSet '" + IP_NAME + "' on detector det1 in Region us-east-1"
                        + " has 4 entries, 60% fewer than the 10 it contains now, above MAX_SHRINK_FRACTION=0.5."
                        + " If the drop is expected, start an execution with \"options\": {\"allowShrink\": true};"
                        + " otherwise check the fetch and normalize counts of this execution.");
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_shrinkAboveLimitWithAllowShrink_updates() {
        ThreatListFile previous = PublishFixtures.ipList(store, 10);
        ThreatListFile ip = PublishFixtures.ipList(store, 4);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previous.location(), "ACTIVE");

        PublishedThreatList result = publisher.publish(input(ip, null, true)).ipList();

        assertThat(result).isEqualTo(new PublishedThreatList("ip-set", IP_NAME, "UPDATED", ip.location(), 4, 10, true));
        GUARD_DUTY.verify(postRequestedFor(urlEqualTo("/detector/det1/threatintelset/ip-set"))
                .withRequestBody(equalToJson("{\"location\":\"" + ip.location() + "\",\"activate\":true}")));
    }

    @Test
    void publish_shrinkAtLimit_updates() {
        ThreatListFile previous = PublishFixtures.ipList(store, 10);
        ThreatListFile ip = PublishFixtures.ipList(store, 5);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previous.location(), "ACTIVE");

        assertThat(publisher.publish(input(ip, null, false)).ipList().action()).isEqualTo("UPDATED");
    }

    @Test
    void publish_emptyOverNonEmpty_rejected() {
        ThreatListFile previous = PublishFixtures.domainList(store, 2);
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile empty = PublishFixtures.listFile(store, "domain", List.of());
        FAKE.addList("threatentityset", "domain-set", DOMAIN_NAME, "TXT", previous.location(), "ACTIVE");

        assertThatThrownBy(() -> publisher.publish(input(ip, empty, true)))
                .isInstanceOf(EmptyThreatListException.class)
                .hasMessageStartingWith("The new list for ThreatEntitySet '" + DOMAIN_NAME + "' on detector det1 in"
                        + " Region us-east-1 is empty, and the list contains 2 entries now.");
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_emptyOverForeignList_rejected() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile empty = PublishFixtures.listFile(store, "domain", List.of());
        FAKE.addList("threatentityset", "domain-set", DOMAIN_NAME, "TXT", "s3://someone-else/list.txt", "ACTIVE");

        assertThatThrownBy(() -> publisher.publish(input(ip, empty, false)))
                .isInstanceOf(EmptyThreatListException.class)
                .hasMessageContaining("the list contains an unknown number of entries now");
    }

    @Test
    void publish_emptyWithoutList_skipsIt() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile empty = PublishFixtures.listFile(store, "domain", List.of());

        PublishedThreatList result = publisher.publish(input(ip, empty, false)).domainList();

        assertThat(result).isEqualTo(new PublishedThreatList(null, DOMAIN_NAME, "SKIPPED", empty.location(), 0, null, false));
        GUARD_DUTY.verify(0, postRequestedFor(urlEqualTo("/detector/det1/threatentityset")));
    }

    @Test
    void publish_emptyOverEmpty_skipsIt() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile empty = PublishFixtures.listFile(store, "domain", List.of());
        FAKE.addList("threatentityset", "domain-set", DOMAIN_NAME, "TXT", empty.location(), "ERROR");

        PublishedThreatList result = publisher.publish(input(ip, empty, false)).domainList();

        assertThat(result).isEqualTo(new PublishedThreatList(null, DOMAIN_NAME, "SKIPPED", empty.location(), 0, null, false));
        GUARD_DUTY.verify(0, postRequestedFor(urlEqualTo("/detector/det1/threatentityset/domain-set")));
    }

    @Test
    void publish_listActivatingAnotherFile_retryableBusyError() {
        ThreatListFile previous = PublishFixtures.ipList(store, 3);
        ThreatListFile ip = PublishFixtures.ipList(store, 1, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previous.location(), "ACTIVATING");

        assertThatThrownBy(() -> publisher.publish(input(ip, null, false)))
                .isInstanceOf(ThreatListBusyException.class)
                .hasMessage("ThreatIntelSet '" + IP_NAME + "' on detector det1 in Region us-east-1 is ACTIVATING,"
                        + " and GuardDuty allows no change until that ends (activation can take up to 40 minutes)."
                        + " Retry later.");
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_listWithOtherFormat_formatConflict() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "STIX", "s3://artifacts/feed.xml", "ACTIVE");

        assertThatThrownBy(() -> publisher.publish(input(ip, null, false)))
                .isInstanceOf(ThreatListFormatConflictException.class)
                .hasMessage("ThreatIntelSet '" + IP_NAME + "' on detector det1 in Region us-east-1 exists with format"
                        + " STIX, and a list's format cannot be changed. Delete that list or set THREAT_INTEL_SET_NAME"
                        + " to another name.");
    }

    @Test
    void publish_domainRejected_ipUnchanged() {
        ThreatListFile previousIp = PublishFixtures.ipList(store, 3);
        ThreatListFile ip = PublishFixtures.ipList(store, 1, 3);
        ThreatListFile previousDomain = PublishFixtures.domainList(store, 10);
        ThreatListFile domain = PublishFixtures.domainList(store, 1);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previousIp.location(), "ACTIVE");
        FAKE.addList("threatentityset", "domain-set", DOMAIN_NAME, "TXT", previousDomain.location(), "ACTIVE");

        assertThatThrownBy(() -> publisher.publish(input(ip, domain, false)))
                .isInstanceOf(ThreatListShrinkException.class);
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_fileChangedAfterWrite_rejected() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        store.put(ip.key(), "203.0.0.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");

        assertThatThrownBy(() -> publisher.publish(input(ip, null, false)))
                .isInstanceOf(ThreatListFileMismatchException.class)
                .hasMessageContaining("has SHA-256 ")
                .hasMessageContaining(", 1 lines and 10 bytes, but WriteThreatList reported " + ip.sha256() + ", 3 and "
                        + ip.bytes());
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    private static UpdateThreatIntelSetInput input(ThreatListFile ip, ThreatListFile domain, boolean allowShrink) {
        return new UpdateThreatIntelSetInput(PublishFixtures.run(allowShrink), ip, domain);
    }
}
