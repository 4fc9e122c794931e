package dev.insightssync.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.insights.InsightsResponseException;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.common.testing.InsightsFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Contract test of FetchCampaigns on campaign ids that Insights must not send: unsafe or repeated ones. */
class FetchCampaignsIdTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String TA551 = "0b5a1d2e-5510-4c2f-9a51-7a3e1f0c5501";
    private static final FetchCampaignsInput INPUT = new FetchCampaignsInput(
            new RunContext("exec-ids", InsightsFixtures.NOW, SyncOptions.defaults()));

    @TempDir
    Path folder;

    private LocalArtifactStore store;

    @BeforeEach
    void setUp() {
        InsightsFixtures.stubTenant(SERVER);
        store = new LocalArtifactStore(folder);
    }

    @Test
    void pathTraversalId_rejectedBeforeAnyIocRequest() {
        servePage(campaign("../../../etc/passwd"));

        assertThatThrownBy(() -> service().fetch(INPUT))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageStartingWith("Invalid campaign id '../../../etc/passwd' on campaign page 1");
        SERVER.verify(0, getRequestedFor(urlPathMatching(".*/iocs")));
        assertThat(store.exists("runs/exec-ids/raw/manifest.json")).isFalse();
    }

    @Test
    void overlongId_rejectedWithShortenedValue() {
        servePage(campaign("a".repeat(300)));

        assertThatThrownBy(() -> service().fetch(INPUT))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("'" + "a".repeat(60) + "...'");
    }

    @Test
    void repeatedCampaign_fetchedOnce() {
        servePage(campaign(TA551) + "," + campaign(TA551));

        FetchCampaignsOutput output = service().fetch(INPUT);

        assertThat(output.campaigns()).isEqualTo(1);
        assertThat(output.iocsFetched()).isEqualTo(12);
        // Its IOC listing has two pages: each is requested once, not once per listing of the campaign.
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(InsightsFixtures.CAMPAIGNS_PATH + "/" + TA551 + "/iocs")));
    }

    private static void servePage(String resources) {
        SERVER.stubFor(get(urlPathEqualTo(InsightsFixtures.CAMPAIGNS_PATH)).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", InsightsFixtures.JSON_API)
                        .withBody("{\"links\":{\"next\":null},\"data\":[" + resources + "]}")));
    }

    private static String campaign(String id) {
        return "{\"type\":\"campaigns\",\"id\":\"" + id + "\",\"attributes\":{\"name\":\"c\",\"threat-level-id\":2,"
                + "\"updated-on\":\"2026-11-30T08:15:00.000Z\"}}";
    }

    private FetchCampaignsService service() {
        Clock clock = Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC);
        return new FetchCampaignsService(InsightsFixtures::credentials,
                credentials -> InsightsClient.builder(InsightsFixtures.insightsSettings(SERVER.baseUrl()), credentials)
                        .clock(clock).sleeper(duration -> { }).build(),
                store, new FetchSettings(30, 60), clock);
    }
}
