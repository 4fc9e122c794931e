package dev.insightssync.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.insights.InsightsUnavailableException;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.common.testing.InsightsFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Fault test of {@link FetchCampaignsService}: failures during a whole fetch and their exact outcome. */
class FetchCampaignsFaultTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String GHOST_DNS = "4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005";
    private static final String CAMPAIGNS = "/insights/v2/campaigns";
    private static final FetchCampaignsInput INPUT = new FetchCampaignsInput(
            new RunContext("exec-2", InsightsFixtures.NOW, SyncOptions.defaults()));

    @TempDir
    Path folder;

    private LocalArtifactStore store;
    private MovableClock clock;

    @BeforeEach
    void setUp() {
        InsightsFixtures.stubTenant(SERVER);
        store = new LocalArtifactStore(folder);
        clock = new MovableClock(InsightsFixtures.NOW);
    }

    @Test
    void iocPagesKeepFailing_namesCampaign() {
        SERVER.stubFor(get(urlPathEqualTo(CAMPAIGNS + "/" + GHOST_DNS + "/iocs")).atPriority(0)
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> service(InsightsFixtures.insightsSettings(SERVER.baseUrl())).fetch(INPUT))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageStartingWith("Failed to fetch the IOCs of campaign " + GHOST_DNS + ": ")
                .hasMessageContaining("failed on all 4 attempts, the last with HTTP 503");
        SERVER.verify(4, getRequestedFor(urlPathEqualTo(CAMPAIGNS + "/" + GHOST_DNS + "/iocs")));
        assertThat(store.exists("runs/exec-2/raw/manifest.json")).isFalse();
    }

    @Test
    void tokenExpiresMidRun_reauthenticatesOnceAndSucceeds() {
        // The first request for this IOC page is rejected as if the token had expired in between.
        SERVER.stubFor(get(urlPathEqualTo(CAMPAIGNS + "/" + GHOST_DNS + "/iocs")).atPriority(0)
                .inScenario("expiry").whenScenarioStateIs(STARTED)
                .withQueryParam("page[offset]", equalTo("12"))
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));

        FetchCampaignsOutput output = service(InsightsFixtures.insightsSettings(SERVER.baseUrl())).fetch(INPUT);

        assertThat(output.campaigns()).isEqualTo(5);
        assertThat(output.iocsFetched()).isEqualTo(50);
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(CAMPAIGNS + "/" + GHOST_DNS + "/iocs"))
                .withQueryParam("page[offset]", equalTo("12")));
    }

    @Test
    void redriveAfterTokenExpiry_requestsOwnFreshToken() {
        // Authenticate ran hours ago and got a token that the API no longer accepts.
        SERVER.stubFor(post(urlPathEqualTo(InsightsFixtures.IAM_PATH)).atPriority(0)
                .inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"expired-early-token\",\"expires_in\":600}"))
                .willSetStateTo("later"));
        InsightsClient.builder(InsightsFixtures.insightsSettings(SERVER.baseUrl()), InsightsFixtures.credentials())
                .clock(clock).build().authenticate();
        clock.advance(Duration.ofHours(5));

        FetchCampaignsOutput output = service(InsightsFixtures.insightsSettings(SERVER.baseUrl())).fetch(INPUT);

        assertThat(output.campaigns()).isEqualTo(5);
        assertThat(output.iocsFetched()).isEqualTo(50);
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
        SERVER.verify(0, getRequestedFor(urlPathEqualTo(CAMPAIGNS))
                .withHeader("Authorization", equalTo("Bearer expired-early-token")));
    }

    @Test
    void redriveHoursLater_succeedsAgain() {
        FetchCampaignsService service = service(InsightsFixtures.insightsSettings(SERVER.baseUrl()));
        service.fetch(INPUT);
        clock.advance(Duration.ofHours(3));

        FetchCampaignsOutput output = service.fetch(INPUT);

        assertThat(output.iocsFetched()).isEqualTo(50);
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
    }

    @Test
    void campaignWithFiftyThousandIocs_fetchesEveryPage() throws Exception {
        String id = "9f9f9f9f-0000-4000-8000-000000050000";
        int pageLimit = 1000;
        SERVER.stubFor(get(urlPathEqualTo(CAMPAIGNS)).atPriority(0).willReturn(jsonApi(
                "{\"data\":[{\"type\":\"campaigns\",\"id\":\"" + id + "\",\"attributes\":{\"name\":\"Large\","
                        + "\"threat-level-id\":1,\"updated-on\":\"2026-12-03T00:00:00Z\"}}],\"links\":{\"next\":null}}")));
        for (int page = 0; page < 50; page++) {
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < pageLimit; i++) {
                int n = page * pageLimit + i;
                data.append(i == 0 ? "" : ",").append("{\"type\":\"iocs\",\"id\":\"ioc-").append(n)
                        .append("\",\"attributes\":{\"type\":\"ip\",\"value\":\"10.")
                        .append(n >> 16).append('.').append((n >> 8) & 255).append('.').append(n & 255).append("\"}}");
            }
            String next = page == 49 ? "null"
                    : "\"" + SERVER.baseUrl() + CAMPAIGNS + "/" + id + "/iocs?page[offset]=" + (page + 1) * pageLimit
                            + "&page[limit]=" + pageLimit + "\"";
            var mapping = get(urlPathEqualTo(CAMPAIGNS + "/" + id + "/iocs")).atPriority(page == 0 ? 5 : 1);
            if (page > 0) {
                mapping = mapping.withQueryParam("page[offset]", equalTo(String.valueOf(page * pageLimit)));
            }
            SERVER.stubFor(mapping.willReturn(jsonApi("{\"data\":[" + data + "],\"links\":{\"next\":" + next + "}}")));
        }
        InsightsSettings base = InsightsFixtures.insightsSettings(SERVER.baseUrl());
        InsightsSettings settings = new InsightsSettings(base.iamUrl(), base.apiUrl(), base.scopes(), pageLimit,
                base.maxPages(), base.concurrency(), base.maxAttempts(), base.connectTimeout(), base.requestTimeout(),
                base.backoffBase(), base.backoffMax());

        FetchCampaignsOutput output = service(settings).fetch(INPUT);

        assertThat(output).isEqualTo(new FetchCampaignsOutput(1, 50_000, Instant.parse("2026-11-04T00:00:00Z"),
                "runs/exec-2/raw/manifest.json", false, 1, 50));
        RawFeedManifest manifest = Json.mapper().readValue(
                store.read("runs/exec-2/raw/manifest.json").orElseThrow(), RawFeedManifest.class);
        assertThat(manifest.campaigns().get(0).iocPageKeys()).hasSize(50)
                .endsWith("runs/exec-2/raw/iocs/" + id + "/page-0050.json");
        SERVER.verify(50, getRequestedFor(urlPathEqualTo(CAMPAIGNS + "/" + id + "/iocs"))
                .withQueryParam("page[limit]", equalTo("1000")));
    }

    private FetchCampaignsService service(InsightsSettings settings) {
        return new FetchCampaignsService(InsightsFixtures::credentials,
                credentials -> InsightsClient.builder(settings, credentials)
                        .clock(clock).sleeper(duration -> { }).build(),
                store, new FetchSettings(30, 60), clock);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonApi(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", InsightsFixtures.JSON_API).withBody(body);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
