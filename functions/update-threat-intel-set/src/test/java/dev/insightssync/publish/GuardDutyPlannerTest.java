package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static dev.insightssync.publish.PublishFixtures.DOMAIN_NAME;
import static dev.insightssync.publish.PublishFixtures.IP_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.LocalArtifactStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/** Test of {@link GuardDutyPlanner}'s dry run, with no account and with read-only calls to a fake GuardDuty. */
class GuardDutyPlannerTest {

    private static final FakeGuardDuty FAKE = new FakeGuardDuty();

    @RegisterExtension
    static final WireMockExtension GUARD_DUTY = FakeGuardDuty.extension(FAKE);

    private static GuardDutyClient guardDuty;

    @TempDir
    Path outputDir;

    private LocalArtifactStore store;

    @BeforeAll
    static void connect() {
        guardDuty = PublishFixtures.guardDuty(GUARD_DUTY);
    }

    @AfterAll
    static void close() {
        guardDuty.close();
    }

    @BeforeEach
    void reset() {
        FAKE.reset(GUARD_DUTY, "det1");
        store = new LocalArtifactStore(outputDir);
    }

    @Test
    void plan_withoutAccount_createsBothLists() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 2);

        GuardDutyPlan plan = GuardDutyPlanner.withoutAccount(store, PublishSettings.defaults())
                .plan(new UpdateThreatIntelSetInput(PublishFixtures.run(false), ip, domain));

        assertThat(plan.calls()).containsExactly(
                "CreateThreatIntelSet region=<default region> detectorId=<detector> name=" + IP_NAME
                        + " format=TXT location=" + outputDir.resolve(ip.key()) + " activate=true",
                "CreateThreatEntitySet region=<default region> detectorId=<detector> name=" + DOMAIN_NAME
                        + " format=TXT location=" + outputDir.resolve(domain.key()) + " activate=true");
        assertThat(plan.outcome()).isEqualTo(new UpdateThreatIntelSetOutput("<default region>", "<detector>",
                new PublishedThreatList(null, IP_NAME, "CREATED", ip.location(), 3, null, true),
                new PublishedThreatList(null, DOMAIN_NAME, "CREATED", domain.location(), 2, null, true),
                true));
    }

    @Test
    void plan_givenRegionAndDetector_namesThem() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);

        GuardDutyPlan plan = GuardDutyPlanner.withoutAccount(store, new PublishSettings(IP_NAME, DOMAIN_NAME, true, "det7", 0.5))
                .plan(new UpdateThreatIntelSetInput(PublishFixtures.run(false), ip, null, "eu-west-1", null));

        assertThat(plan.calls()).containsExactly("CreateThreatIntelSet region=eu-west-1 detectorId=det7 name=" + IP_NAME
                + " format=TXT location=" + ip.location() + " activate=true");
    }

    @Test
    void plan_readingAccount_plansUpdateAndChangesNothing() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        ThreatListFile domain = PublishFixtures.domainList(store, 2);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", "s3://artifacts/lists/ip/old.txt", "ACTIVE");
        FAKE.addList("threatentityset", "domain-set", DOMAIN_NAME, "TXT", domain.location(), "ACTIVE");

        GuardDutyPlan plan = GuardDutyPlanner.reading(guardDuty, store, PublishSettings.defaults())
                .plan(new UpdateThreatIntelSetInput(PublishFixtures.run(false), ip, domain));

        assertThat(plan.calls()).containsExactly("UpdateThreatIntelSet region=us-east-1 detectorId=det1"
                + " threatIntelSetId=ip-set location=" + ip.location() + " activate=true");
        assertThat(plan.outcome().domainList().action()).isEqualTo("UNCHANGED");
        GUARD_DUTY.verify(0, postRequestedFor(anyUrl()));
        assertThat(FAKE.list("threatintelset", "ip-set").location()).isEqualTo("s3://artifacts/lists/ip/old.txt");
    }

    @Test
    void plan_busyList_rejected() {
        ThreatListFile ip = PublishFixtures.ipList(store, 3);
        FAKE.addList("threatintelset", "ip-set", IP_NAME, "TXT", "s3://artifacts/lists/ip/old.txt", "DEACTIVATING");

        assertThatThrownBy(() -> GuardDutyPlanner.reading(guardDuty, store, PublishSettings.defaults())
                .plan(new UpdateThreatIntelSetInput(PublishFixtures.run(false), ip, PublishFixtures.listFile(store,
                        "domain", List.of()))))
                .isInstanceOf(ThreatListBusyException.class);
    }
}
