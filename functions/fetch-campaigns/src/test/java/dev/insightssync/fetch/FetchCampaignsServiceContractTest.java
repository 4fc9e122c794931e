package dev.insightssync.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.common.store.WatermarkStore;
import dev.insightssync.common.testing.InsightsFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Contract test of {@link FetchCampaignsService} against the fixture tenant served by WireMock. */
class FetchCampaignsServiceContractTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String RAW = "runs/exec-1/raw/";
    private static final FetchCampaignsInput INPUT = new FetchCampaignsInput(
            new RunContext("exec-1", InsightsFixtures.NOW, new SyncOptions(30, null, null)));

    @TempDir
    Path folder;

    private LocalArtifactStore store;
    private FetchCampaignsService service;

    @BeforeEach
    void setUp() {
        InsightsFixtures.stubTenant(SERVER);
        store = new LocalArtifactStore(folder);
        Clock clock = Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC);
        service = new FetchCampaignsService(InsightsFixtures::credentials,
                credentials -> InsightsClient.builder(InsightsFixtures.insightsSettings(SERVER.baseUrl()), credentials)
                        .clock(clock).sleeper(duration -> { }).build(),
                store, new FetchSettings(30, 60), clock);
    }

    @Test
    void fetch_fixtureTenant_countsCampaignsAndIocs() {
        FetchCampaignsOutput output = service.fetch(INPUT);

        assertThat(output).isEqualTo(new FetchCampaignsOutput(5, 50, Instant.parse("2026-11-04T00:00:00Z"),
                RAW + "manifest.json", false, 2, 10));
    }

    @Test
    void fetch_storesCampaignPagesWithExactBytes() throws IOException {
        service.fetch(INPUT);

        assertThat(stored(RAW + "campaigns/page-0001.json"))
                .isEqualTo(InsightsFixtures.body("campaigns-page-1.json", SERVER.baseUrl()));
        assertThat(stored(RAW + "campaigns/page-0002.json"))
                .isEqualTo(InsightsFixtures.body("campaigns-page-2.json", SERVER.baseUrl()));
    }

    @Test
    void fetch_storesIocPagesWithExactBytes() throws IOException {
        service.fetch(INPUT);

        for (String campaignId : InsightsFixtures.CAMPAIGN_IDS.subList(0, 5)) {
            List<String> pages = InsightsFixtures.iocPages(campaignId);
            for (int index = 0; index < pages.size(); index++) {
                String key = String.format("%siocs/%s/page-%04d.json", RAW, campaignId, index + 1);
                assertThat(stored(key)).as(key).isEqualTo(InsightsFixtures.body(pages.get(index), SERVER.baseUrl()));
            }
        }
        assertThat(storedKeys()).hasSize(2 + 10 + 1);
    }

    @Test
    void fetch_campaignOutsideWindow_noIocRequest() {
        service.fetch(INPUT);

        SERVER.verify(0, getRequestedFor(urlPathEqualTo(
                "/insights/v2/campaigns/5a3b4c55-6e7f-4b8a-9c0d-0e1f2a3b0006/iocs")));
        assertThat(store.exists(RAW + "iocs/5a3b4c55-6e7f-4b8a-9c0d-0e1f2a3b0006/page-0001.json")).isFalse();
    }

    @Test
    void fetch_writesManifestListingCampaignsInListingOrder() throws IOException {
        service.fetch(INPUT);

        RawFeedManifest manifest = Json.mapper().readValue(stored(RAW + "manifest.json"), RawFeedManifest.class);
        assertThat(manifest).isEqualTo(new RawFeedManifest(InsightsFixtures.NOW, Instant.parse("2026-11-04T00:00:00Z"), List.of(
                campaign("0b5a1d2e-5510-4c2f-9a51-7a3e1f0c5501", "TA551 (Shathak) Word documents delivering IcedID", 2,
                        "2026-11-30T08:15:00Z", 12, 2),
                campaign("1c0471e5-7a2b-4d35-b0c1-2f6a9d3e0002", "Conti ransomware Cobalt Strike infrastructure", 1,
                        "2026-12-01T22:40:11Z", 10, 2),
                campaign("2d9e0f11-3b4c-4e5d-8f6a-7b8c9d0e0003", "OilRig (APT34) credential harvesting", 1,
                        "2026-11-28T13:02:55.120Z", 5, 1),
                campaign("3e1f2a33-4c5d-4f6e-9a7b-8c9d0e1f0004", "Evasive Panda watering hole", 2,
                        "2026-11-25T06:00:00Z", 3, 1),
                campaign("4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005", "GhostDNS router DNS hijacking", 3,
                        "2026-11-20T00:00:00Z", 20, 4))));
    }

    @Test
    void fetch_rerunWithSameInput_overwritesSameKeys() throws IOException {
        service.fetch(INPUT);
        List<String> first = storedKeys();
        String manifest = stored(RAW + "manifest.json");

        service.fetch(INPUT);

        assertThat(storedKeys()).isEqualTo(first);
        assertThat(stored(RAW + "manifest.json")).isEqualTo(manifest);
    }

    @Test
    void fetch_withWatermark_fetchesRecentCampaigns() {
        new WatermarkStore(store).commit(new RunContext("previous", Instant.parse("2026-11-29T00:00:00Z"), null));

        FetchCampaignsOutput output = service.fetch(INPUT);

        assertThat(output).isEqualTo(new FetchCampaignsOutput(2, 22, Instant.parse("2026-11-28T23:00:00Z"),
                RAW + "manifest.json", true, 2, 4));
    }

    private static CampaignPages campaign(String id, String name, int threatLevel, String updatedOn, long iocs, int pages) {
        List<String> keys = Stream.iterate(1, page -> page + 1).limit(pages)
                .map(page -> String.format("%siocs/%s/page-%04d.json", RAW, id, page))
                .toList();
        return new CampaignPages(id, name, threatLevel, Instant.parse(updatedOn), iocs, keys);
    }

    private String stored(String key) throws IOException {
        return new String(store.read(key).orElseThrow(() -> new AssertionError("not stored: " + key)), StandardCharsets.UTF_8);
    }

    private List<String> storedKeys() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
