package dev.insightssync.normalize;

import static dev.insightssync.normalize.SyntheticFeed.ioc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.IndicatorSet.CampaignRef;
import dev.insightssync.common.step.IndicatorSet.Indicator;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.normalize.SyntheticFeed.Campaign;
import dev.insightssync.normalize.SyntheticFeed.Ioc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service test of merging runs into the indicator state: deduplication across campaigns, retention and allowlist changes. */
class IndicatorAgingTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");

    @TempDir
    Path root;

    private LocalArtifactStore store;
    private NormalizeIocsService service;

    @BeforeEach
    void createService() {
        store = new LocalArtifactStore(root);
        service = new NormalizeIocsService(store, NormalizeSettings.defaults());
    }

    @Test
    void normalize_entryInTwoCampaigns_mergesSightings() throws IOException {
        NormalizeIocsInput input = SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c-low", 3, T0.minus(Duration.ofDays(2)), List.of(
                        new Ioc("ip", "45.1.2.3", 40, Instant.parse("2026-10-01T00:00:00Z")))),
                new Campaign("c-high", 1, T0.minus(Duration.ofDays(1)), List.of(
                        new Ioc("ip_port", "45[.]1[.]2[.]3:443", 70, Instant.parse("2026-10-05T00:00:00Z")),
                        new Ioc("ip", "45.1.2.3", null, null))));

        NormalizeIocsOutput output = service.normalize(input);

        Indicator entry = indicators(output).ip().get(0);
        assertThat(output.ipEntries()).isEqualTo(1);
        assertThat(entry.value()).isEqualTo("45.1.2.3");
        assertThat(entry.campaigns()).containsExactly(new CampaignRef("c-high", "Campaign c-high", 1),
                new CampaignRef("c-low", "Campaign c-low", 3));
        assertThat(entry.firstSeen()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(entry.lastSeen()).isEqualTo(T0.minus(Duration.ofDays(1)));
        assertThat(entry.lethality()).isEqualTo(70);
    }

    @Test
    void normalize_emptyRunWithinRetention_keepsEntries() throws IOException {
        SyntheticFeed.promoteState(store, service.normalize(SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c1", 2, T0, List.of(ioc("ip", "45.1.2.3"), ioc("domain", "evil-site.com"))))));

        NormalizeIocsOutput output = service.normalize(SyntheticFeed.store(store, "run-2", T0.plus(Duration.ofDays(29))));

        assertThat(output.ipEntries()).isEqualTo(1);
        assertThat(output.domainEntries()).isEqualTo(1);
        NormalizeReport report = report(output);
        assertThat(report.lists().get("ip").removed()).isZero();
        assertThat(report.lists().get("ip").added()).isZero();
        assertThat(report.state().previousStateFound()).isTrue();
        assertThat(report.state().expired()).isZero();
    }

    @Test
    void normalize_runAtRetentionEnd_expiresUnseenEntries() throws IOException {
        SyntheticFeed.promoteState(store, service.normalize(SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c1", 2, T0, List.of(ioc("ip", "45.1.2.3"), ioc("domain", "evil-site.com"))))));

        NormalizeIocsOutput output = service.normalize(SyntheticFeed.store(store, "run-2", T0.plus(Duration.ofDays(30)),
                new Campaign("c2", 2, T0, List.of(ioc("ip", "45.1.2.4")))));

        assertThat(indicators(output).ip()).extracting(Indicator::value).containsExactly("45.1.2.4");
        assertThat(output.domainEntries()).isZero();
        NormalizeReport report = report(output);
        assertThat(report.lists().get("ip").removedExamples()).containsExactly("45.1.2.3");
        assertThat(report.lists().get("ip").addedExamples()).containsExactly("45.1.2.4");
        assertThat(report.lists().get("domain").removed()).isEqualTo(1);
        assertThat(report.state().expired()).isEqualTo(2);
    }

    @Test
    void normalize_entrySeenAgain_restartsRetention() throws IOException {
        Campaign campaign = new Campaign("c1", 2, T0, List.of(ioc("ip", "45.1.2.3")));
        SyntheticFeed.promoteState(store, service.normalize(SyntheticFeed.store(store, "run-1", T0, campaign)));
        SyntheticFeed.promoteState(store, service.normalize(SyntheticFeed.store(store, "run-2", T0.plus(Duration.ofDays(20)), campaign)));

        NormalizeIocsOutput output = service.normalize(SyntheticFeed.store(store, "run-3", T0.plus(Duration.ofDays(45))));

        assertThat(output.ipEntries()).isEqualTo(1);
        IndicatorState state = Json.mapper().readValue(store.read(output.stateKey()).orElseThrow(), IndicatorState.class);
        assertThat(state.ip().get(0).lastObserved()).isEqualTo(T0.plus(Duration.ofDays(20)));
    }

    @Test
    void normalize_userAllowlistAddedLater_removesStoredEntry() throws IOException {
        SyntheticFeed.promoteState(store, service.normalize(SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c1", 2, T0, List.of(ioc("ip", "45.1.2.3"), ioc("domain", "cdn.partner.net"))))));
        store.put("config/allowlist.txt", "ip 45.1.2.0/24 our scanners\ntree partner.net partner CDN\n"
                .getBytes(StandardCharsets.UTF_8), "text/plain");
        NormalizeIocsService withAllowlist = new NormalizeIocsService(store, new NormalizeSettings(16, 30,
                NormalizeSettings.IP_LIST_CAPACITY, 1000, "config/allowlist.txt", null));

        NormalizeIocsOutput output = withAllowlist.normalize(SyntheticFeed.store(store, "run-2", T0.plus(Duration.ofDays(1)),
                new Campaign("c1", 2, T0, List.of(ioc("ip", "45.1.2.3"), ioc("domain", "cdn.partner.net")))));

        assertThat(output.ipEntries()).isZero();
        assertThat(output.domainEntries()).isZero();
        assertThat(output.dropped()).containsEntry("allowlisted", 2L);
        assertThat(report(output).state().removedByCurrentRules()).isEqualTo(2);
    }

    @Test
    void normalize_userAllowlistFile_appliesLikeKey() throws IOException {
        Path file = root.resolve("my-allowlist.txt");
        java.nio.file.Files.writeString(file, "host cdn.partner.net partner CDN\n");
        NormalizeIocsService withFile = new NormalizeIocsService(store, new NormalizeSettings(16, 30,
                NormalizeSettings.IP_LIST_CAPACITY, 1000, null, file));

        NormalizeIocsOutput output = withFile.normalize(SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c1", 2, T0, List.of(ioc("domain", "cdn.partner.net"), ioc("domain", "x.cdn.partner.net")))));

        assertThat(indicators(output).domain()).extracting(Indicator::value).containsExactly("x.cdn.partner.net");
    }

    @Test
    void normalize_missingUserAllowlist_raises() {
        NormalizeIocsService withAllowlist = new NormalizeIocsService(store, new NormalizeSettings(16, 30,
                NormalizeSettings.IP_LIST_CAPACITY, 1000, "config/missing.txt", null));
        NormalizeIocsInput input = SyntheticFeed.store(store, "run-1", T0);

        assertThatThrownBy(() -> withAllowlist.normalize(input))
                .isInstanceOf(UserAllowlistNotFoundException.class)
                .hasMessageContaining("config/missing.txt");
    }

    @Test
    void normalize_missingManifest_raisesArtifactNotFound() {
        NormalizeIocsInput input = new NormalizeIocsInput(
                new dev.insightssync.common.step.RunContext("run-1", T0, null), "runs/run-1/raw/manifest.json");

        assertThatThrownBy(() -> service.normalize(input))
                .isInstanceOf(dev.insightssync.common.store.ArtifactNotFoundException.class)
                .hasMessageContaining("manifest.json");
    }

    @Test
    void normalize_malformedPage_raisesWithKey() {
        NormalizeIocsInput input = SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c1", 2, T0, List.of(ioc("ip", "45.1.2.3"))));
        store.put("runs/run-1/raw/iocs/c1/page-0001.json", "{\"data\": [".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThatThrownBy(() -> service.normalize(input))
                .isInstanceOf(RawPageFormatException.class)
                .hasMessageContaining("runs/run-1/raw/iocs/c1/page-0001.json");
    }

    @Test
    void normalize_corruptState_raisesWithKey() {
        store.put(NormalizeIocsService.STATE_KEY, "[1, 2]".getBytes(StandardCharsets.UTF_8), "application/json");
        NormalizeIocsInput input = SyntheticFeed.store(store, "run-1", T0);

        assertThatThrownBy(() -> service.normalize(input))
                .isInstanceOf(IndicatorStateFormatException.class)
                .hasMessageContaining("state/indicators.json");
    }

    private IndicatorSet indicators(NormalizeIocsOutput output) throws IOException {
        return Json.mapper().readValue(store.read(output.indicatorsKey()).orElseThrow(), IndicatorSet.class);
    }

    private NormalizeReport report(NormalizeIocsOutput output) throws IOException {
        return Json.mapper().readValue(store.read(output.reportKey()).orElseThrow(), NormalizeReport.class);
    }
}
