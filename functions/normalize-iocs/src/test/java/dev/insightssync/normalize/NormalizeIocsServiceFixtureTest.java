package dev.insightssync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.IndicatorSet.CampaignRef;
import dev.insightssync.common.step.IndicatorSet.Indicator;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.LocalArtifactStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service test: the whole fixture tenant through {@link NormalizeIocsService} on a local artifact store. */
class NormalizeIocsServiceFixtureTest {

    @TempDir
    Path root;

    private LocalArtifactStore store;
    private RunContext run;
    private NormalizeIocsInput input;

    @BeforeEach
    void storeFixtureTenant() {
        store = new LocalArtifactStore(root);
        run = new RunContext("fixture-run", FixtureTenant.FIXTURE_CLOCK, SyncOptions.defaults());
        input = new NormalizeIocsInput(run, FixtureTenant.store(store, run));
    }

    @Test
    void normalize_fixtureTenant_listsEqualExpectedFiles() throws IOException {
        NormalizeIocsOutput output = new NormalizeIocsService(store, NormalizeSettings.defaults()).normalize(input);

        IndicatorSet set = Json.mapper().readValue(store.read(output.indicatorsKey()).orElseThrow(), IndicatorSet.class);
        assertThat(set.ip()).extracting(Indicator::value)
                .containsExactlyInAnyOrderElementsOf(FixtureTenant.expectedList("ip-list.txt"));
        assertThat(set.domain()).extracting(Indicator::value)
                .containsExactlyInAnyOrderElementsOf(FixtureTenant.expectedList("domain-list.txt"));
        assertThat(output.ipEntries()).isEqualTo(FixtureTenant.expectedList("ip-list.txt").size());
        assertThat(output.domainEntries()).isEqualTo(FixtureTenant.expectedList("domain-list.txt").size());
    }

    @Test
    void normalize_fixtureTenant_countsDropsAsOutcomesTable() {
        NormalizeIocsOutput output = new NormalizeIocsService(store, NormalizeSettings.defaults()).normalize(input);

        assertThat(output.dropped()).isEqualTo(FixtureTenant.expectedDropCounts());
        assertThat(output.indicatorsKey()).isEqualTo("runs/fixture-run/indicators.json");
        assertThat(output.reportKey()).isEqualTo("runs/fixture-run/report.json");
        assertThat(output.stateKey()).isEqualTo("runs/fixture-run/indicator-state.json");
        assertThat(output.cutForCapacity()).isZero();
    }

    @Test
    void normalize_fixtureTenant_ordersIpEntriesByAddress() throws IOException {
        NormalizeIocsOutput output = new NormalizeIocsService(store, NormalizeSettings.defaults()).normalize(input);

        IndicatorSet set = Json.mapper().readValue(store.read(output.indicatorsKey()).orElseThrow(), IndicatorSet.class);
        assertThat(set.ip()).extracting(Indicator::value).startsWith("5.188.86.0/24", "18.140.163.186", "45.62.198.73");
        assertThat(set.domain()).extracting(Indicator::value).startsWith("akamaicontainer.com", "asamas.com.br");
    }

    @Test
    void normalize_duplicateInCampaign_keepsOneEntry() throws IOException {
        NormalizeIocsOutput output = new NormalizeIocsService(store, NormalizeSettings.defaults()).normalize(input);

        IndicatorSet set = Json.mapper().readValue(store.read(output.indicatorsKey()).orElseThrow(), IndicatorSet.class);
        Indicator conti = set.ip().stream().filter(i -> i.value().equals("185.178.209.193")).findFirst().orElseThrow();
        assertThat(conti.campaigns()).containsExactly(new CampaignRef("1c0471e5-7a2b-4d35-b0c1-2f6a9d3e0002",
                "Conti ransomware Cobalt Strike infrastructure", 1));
        assertThat(conti.lastSeen()).isEqualTo(Instant.parse("2026-12-01T22:40:11Z"));
    }

    @Test
    void normalize_rerunWithSameInput_writesIdenticalArtifacts() {
        NormalizeIocsService service = new NormalizeIocsService(store, NormalizeSettings.defaults());
        NormalizeIocsOutput first = service.normalize(input);
        byte[] indicators = store.read(first.indicatorsKey()).orElseThrow();
        byte[] state = store.read(first.stateKey()).orElseThrow();
        byte[] report = store.read(first.reportKey()).orElseThrow();

        NormalizeIocsOutput second = service.normalize(input);

        assertThat(second).isEqualTo(first);
        assertThat(store.read(first.indicatorsKey()).orElseThrow()).isEqualTo(indicators);
        assertThat(store.read(first.stateKey()).orElseThrow()).isEqualTo(state);
        assertThat(store.read(first.reportKey()).orElseThrow()).isEqualTo(report);
    }

    @Test
    void normalize_fixtureTenant_writesReport() throws IOException {
        NormalizeIocsOutput output = new NormalizeIocsService(store, NormalizeSettings.defaults()).normalize(input);

        NormalizeReport report = Json.mapper().readValue(store.read(output.reportKey()).orElseThrow(), NormalizeReport.class);
        assertThat(report.campaigns()).isEqualTo(5);
        assertThat(report.iocsRead()).isEqualTo(50);
        assertThat(report.iocTypes()).containsEntry("ip_port", 3L).containsEntry("filename", 1L);
        assertThat(report.lists().get("ip").entries()).isEqualTo(18);
        assertThat(report.lists().get("ip").added()).isEqualTo(18);
        assertThat(report.lists().get("domain").capacity()).isEqualTo(1_000);
        assertThat(report.dropped().get("allowlisted").examples())
                .containsExactly("support.microsoft.com", "8.8.8.8", "raw.githubusercontent.com/IconStorages/images/main/");
        assertThat(report.cidrHostBitsCleared()).isEqualTo(1);
        assertThat(report.state().previousStateFound()).isFalse();
        assertThat(report.state().entries()).isEqualTo(33);
    }

    @Test
    void normalize_fixtureTenant_writesState() throws IOException {
        NormalizeIocsOutput output = new NormalizeIocsService(store, NormalizeSettings.defaults()).normalize(input);

        IndicatorState state = Json.mapper().readValue(store.read(output.stateKey()).orElseThrow(), IndicatorState.class);
        assertThat(state.ip()).hasSize(18).allSatisfy(entry -> {
            assertThat(entry.listed()).isTrue();
            assertThat(entry.lastObserved()).isEqualTo(FixtureTenant.FIXTURE_CLOCK);
        });
        assertThat(state.domain()).extracting(IndicatorState.StoredIndicator::value)
                .containsExactlyElementsOf(List.copyOf(new java.util.TreeSet<>(FixtureTenant.expectedList("domain-list.txt"))));
    }
}
