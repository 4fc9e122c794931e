package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.insightssync.publish.PublishFixtures.DOMAIN_NAME;
import static dev.insightssync.publish.PublishFixtures.IP_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Integration test of {@link GuardDutyPublisher}'s create, update and no-op paths against a fake GuardDuty on loopback. */
class GuardDutyPublisherFlowTest {

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
    void publish_firstRun_createsAndActivatesBothLists() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 2);

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, domain));

        assertThat(output).isEqualTo(new UpdateThreatIntelSetOutput("us-east-1", "det1",
                new PublishedThreatList("intel1", IP_NAME, "CREATED", ip.location(), 3, null, true),
                new PublishedThreatList("entity2", DOMAIN_NAME, "CREATED", domain.location(), 2, null, true),
                true));
        GUARD_DUTY.verify(getRequestedFor(urlEqualTo("/detector?maxResults=50")));
        GUARD_DUTY.verify(postRequestedFor(urlEqualTo("/detector/det1/threatintelset")).withRequestBody(equalToJson(
                "{\"name\":\"" + IP_NAME + "\",\"format\":\"TXT\",\"location\":\"" + ip.location() + "\","
                        + "\"activate\":true,\"clientToken\":\""
                        + GuardDutyPublisher.clientToken("det1", IP_NAME, ip.location()) + "\"}")));
        GUARD_DUTY.verify(postRequestedFor(urlEqualTo("/detector/det1/threatentityset")).withRequestBody(equalToJson(
                "{\"name\":\"" + DOMAIN_NAME + "\",\"format\":\"TXT\",\"location\":\"" + domain.location() + "\","
                        + "\"activate\":true,\"clientToken\":\""
                        + GuardDutyPublisher.clientToken("det1", DOMAIN_NAME, domain.location()) + "\"}")));
        GUARD_DUTY.verify(2, postRequestedFor(anyUrl()));
        assertThat(FAKE.list("threatintelset", "intel1"))
                .isEqualTo(new FakeGuardDuty.StoredList(IP_NAME, "TXT", ip.location(), "ACTIVATING"));
    }

    @Test
    void publish_sameContent_noChangingCall() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 2);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", ip.location(), "ACTIVE");
        FAKE.addList("threatentityset", "domain-set", DOMAIN_NAME, "TXT", domain.location(), "ACTIVE");

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, domain));

        assertThat(output).isEqualTo(new UpdateThreatIntelSetOutput("us-east-1", "det1",
                new PublishedThreatList("ip-set", IP_NAME, "UNCHANGED", ip.location(), 3, 3, false),
                new PublishedThreatList("domain-set", DOMAIN_NAME, "UNCHANGED", domain.location(), 2, 2, false),
                false));
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_sameObjectInHttpsForm_isUnchanged() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT",
                "https://s3.amazonaws.com/" + PublishFixtures.BUCKET + "/" + ip.key(), "ACTIVE");

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, null));

        assertThat(output.ipList().action()).isEqualTo("UNCHANGED");
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_changedContent_updatesLocationAndReactivates() {
        ThreatListFile previous = PublishFixtures.ipList(store, 4);
        ThreatListFile ip = PublishFixtures.ipList(store, 1, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previous.location(), "ACTIVE");

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, null));

        assertThat(output.ipList())
                .isEqualTo(new PublishedThreatList("ip-set", IP_NAME, "UPDATED", ip.location(), 3, 4, true));
        assertThat(output.awaitActivation()).isTrue();
        GUARD_DUTY.verify(postRequestedFor(urlEqualTo("/detector/det1/threatintelset/ip-set"))
                .withRequestBody(equalToJson("{\"location\":\"" + ip.location() + "\",\"activate\":true}")));
        GUARD_DUTY.verify(1, postRequestedFor(anyUrl()));
        assertThat(FAKE.list("threatintelset", "ip-set").status()).isEqualTo("ACTIVATING");
    }

    @Test
    void publish_sameLocationInError_reactivates() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", ip.location(), "ERROR");

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, null));

        assertThat(output.ipList())
                .isEqualTo(new PublishedThreatList("ip-set", IP_NAME, "UPDATED", ip.location(), 3, 3, true));
        GUARD_DUTY.verify(postRequestedFor(urlEqualTo("/detector/det1/threatintelset/ip-set"))
                .withRequestBody(equalToJson("{\"location\":\"" + ip.location() + "\",\"activate\":true}")));
    }

    @Test
    void publish_rerunWhileActivating_waits() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 2);
        publisher.publish(input(ip, domain));

        UpdateThreatIntelSetOutput rerun = publisher.publish(input(ip, domain));

        assertThat(rerun).isEqualTo(new UpdateThreatIntelSetOutput("us-east-1", "det1",
                new PublishedThreatList("intel1", IP_NAME, "UNCHANGED", ip.location(), 3, 3, true),
                new PublishedThreatList("entity2", DOMAIN_NAME, "UNCHANGED", domain.location(), 2, 2, true),
                true));
        GUARD_DUTY.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_listOnSecondPage_foundAndUpdated() {
        for (int i = 1; i <= 50; i++) {
            FAKE.addList("threatintelset", "other" + i, "other-list-" + i, "TXT", "s3://elsewhere/list.txt", "ACTIVE");
        }
        ThreatListFile previous = PublishFixtures.ipList(store, 3);
        ThreatListFile ip = PublishFixtures.ipList(store, 1, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", previous.location(), "ACTIVE");

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, null));

        assertThat(output.ipList())
                .isEqualTo(new PublishedThreatList("ip-set", IP_NAME, "UPDATED", ip.location(), 3, 3, true));
        GUARD_DUTY.verify(getRequestedFor(urlEqualTo("/detector/det1/threatintelset?maxResults=50")));
        GUARD_DUTY.verify(getRequestedFor(urlPathEqualTo("/detector/det1/threatintelset"))
                .withQueryParam("maxResults", equalTo("50"))
                .withQueryParam("nextToken", equalTo("50")));
        GUARD_DUTY.verify(51, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
                .urlPathMatching("/detector/det1/threatintelset/.+")));
        GUARD_DUTY.verify(0, postRequestedFor(urlEqualTo("/detector/det1/threatintelset")));
        GUARD_DUTY.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void publish_domainListDisabled_skipsEntityListCalls() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 2);
        publisher = new GuardDutyPublisher(region -> new SdkGuardDutyGateway(guardDuty), store,
                new PublishSettings(IP_NAME, DOMAIN_NAME, false, null, 0.5));

        UpdateThreatIntelSetOutput output = publisher.publish(input(ip, domain));

        assertThat(output.domainList())
                .isEqualTo(new PublishedThreatList(null, DOMAIN_NAME, "SKIPPED", domain.location(), 2, null, false));
        GUARD_DUTY.verify(0, getRequestedFor(urlPathEqualTo("/detector/det1/threatentityset")));
        GUARD_DUTY.verify(0, postRequestedFor(urlPathEqualTo("/detector/det1/threatentityset")));
    }

    private static UpdateThreatIntelSetInput input(ThreatListFile ip, ThreatListFile domain) {
        return new UpdateThreatIntelSetInput(PublishFixtures.run(false), ip, domain);
    }
}
