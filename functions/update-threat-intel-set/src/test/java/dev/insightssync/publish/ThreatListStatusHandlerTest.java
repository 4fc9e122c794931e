package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Integration test of {@link ThreatListStatusHandler} against the GuardDuty fake, from JSON input to JSON output. */
class ThreatListStatusHandlerTest {

    private static final FakeGuardDuty FAKE = new FakeGuardDuty();
    private static final String LOCATION = "s3://artifacts/lists/ip/a.txt";

    @RegisterExtension
    static final WireMockExtension GUARD_DUTY = FakeGuardDuty.extension(FAKE);

    @BeforeAll
    static void useLoopbackCredentials() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Test
    void process_bothListsActive_done() throws IOException {
        FAKE.reset(GUARD_DUTY, "det-eu");
        FAKE.addList("threatintelset", "ip1", "sync-ip", "TXT", LOCATION, "ACTIVE");
        FAKE.addList("threatentityset", "dom1", "sync-domain", "TXT", LOCATION, "ACTIVE");

        ThreatListStatusOutput output = check(awaiting("ip1", true), awaiting("dom1", true));

        assertThat(output).isEqualTo(new ThreatListStatusOutput("eu-west-1", "det-eu", "ACTIVE", "ACTIVE",
                ThreatListStatus.DONE));
        GUARD_DUTY.verify(getRequestedFor(urlPathEqualTo("/detector/det-eu/threatintelset/ip1"))
                .withHeader("Authorization", containing("/eu-west-1/guardduty/aws4_request")));
    }

    @Test
    void process_oneListActivating_waits() throws IOException {
        FAKE.reset(GUARD_DUTY, "det-eu");
        FAKE.addList("threatintelset", "ip1", "sync-ip", "TXT", LOCATION, "ACTIVE");
        FAKE.addList("threatentityset", "dom1", "sync-domain", "TXT", LOCATION, "ACTIVATING");

        ThreatListStatusOutput output = check(awaiting("ip1", true), awaiting("dom1", true));

        assertThat(output.outcome()).isEqualTo(ThreatListStatus.WAIT);
        assertThat(output.domainList()).isEqualTo("ACTIVATING");
    }

    @Test
    void process_listInError_failed() throws IOException {
        FAKE.reset(GUARD_DUTY, "det-eu");
        FAKE.addList("threatintelset", "ip1", "sync-ip", "TXT", LOCATION, "ERROR");
        FAKE.addList("threatentityset", "dom1", "sync-domain", "TXT", LOCATION, "ACTIVATING");

        ThreatListStatusOutput output = check(awaiting("ip1", true), awaiting("dom1", true));

        assertThat(output).isEqualTo(new ThreatListStatusOutput("eu-west-1", "det-eu", "ERROR", "ACTIVATING",
                ThreatListStatus.FAILED));
    }

    @Test
    void process_domainListInError_reportsErrorDetails() throws IOException {
        FAKE.reset(GUARD_DUTY, "det-eu");
        FAKE.addList("threatintelset", "ip1", "sync-ip", "TXT", LOCATION, "ACTIVE");
        FAKE.addList("threatentityset", "dom1", "sync-domain", "TXT", LOCATION, "ERROR");

        ThreatListStatusOutput output = check(awaiting("ip1", true), awaiting("dom1", true));

        assertThat(output).isEqualTo(new ThreatListStatusOutput("eu-west-1", "det-eu", "ACTIVE", "ERROR",
                ThreatListStatus.FAILED, "GuardDuty could not read the file at " + LOCATION + "."));
    }

    @Test
    void process_listNotAwaited_isNotRead() throws IOException {
        FAKE.reset(GUARD_DUTY, "det-eu");
        FAKE.addList("threatintelset", "ip1", "sync-ip", "TXT", LOCATION, "ACTIVATING");

        ThreatListStatusOutput output = check(awaiting("ip1", true), awaiting(null, false));

        assertThat(output).isEqualTo(new ThreatListStatusOutput("eu-west-1", "det-eu", "ACTIVATING", null,
                ThreatListStatus.WAIT));
        GUARD_DUTY.verify(0, getRequestedFor(urlPathEqualTo("/detector/det-eu/threatentityset/dom1")));
    }

    private static PublishedThreatList awaiting(String setId, boolean await) {
        return new PublishedThreatList(setId, "list", await ? "UPDATED" : "SKIPPED", LOCATION, 2, 1, await);
    }

    private static ThreatListStatusOutput check(PublishedThreatList ip, PublishedThreatList domain) throws IOException {
        ThreatListStatusHandler handler = new ThreatListStatusHandler(new Settings(Map.of(
                "AWS_ENDPOINT_URL_GUARDDUTY", GUARD_DUTY.baseUrl())));
        ThreatListStatusInput input = new ThreatListStatusInput(
                new RunContext("exec-7", Instant.parse("2026-12-04T00:00:00Z"), SyncOptions.defaults()),
                new UpdateThreatIntelSetOutput("eu-west-1", "det-eu", ip, domain, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.process(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(input)), out);
        return Json.mapper().readValue(out.toByteArray(), ThreatListStatusOutput.class);
    }
}
