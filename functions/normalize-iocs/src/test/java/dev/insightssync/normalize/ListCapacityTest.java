package dev.insightssync.normalize;

import static dev.insightssync.normalize.SyntheticFeed.ioc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.IndicatorSet.Indicator;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.normalize.IndicatorState.StoredIndicator;
import dev.insightssync.normalize.SyntheticFeed.Campaign;
import dev.insightssync.normalize.SyntheticFeed.Ioc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service test of list capacity: which entries are kept when a list is full, and how the cut is reported. */
class ListCapacityTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");

    @TempDir
    Path root;

    @Test
    void normalize_overCapacity_keepsByPriority() throws IOException {
        LocalArtifactStore store = new LocalArtifactStore(root);
        NormalizeIocsService service = new NormalizeIocsService(store,
                new NormalizeSettings(16, 30, 2, 3, null, null));

        NormalizeIocsOutput output = service.normalize(SyntheticFeed.store(store, "run-1", T0,
                new Campaign("low", 3, T0, List.of(ioc("domain", "low-newest.com"), ioc("ip", "45.0.0.3"))),
                new Campaign("medium-old", 2, T0.minus(Duration.ofDays(5)), List.of(
                        new Ioc("domain", "medium-old-lethal.com", 90, null),
                        new Ioc("domain", "medium-old-mild.com", 10, null),
                        new Ioc("domain", "medium-old-unrated.com", null, null))),
                new Campaign("medium-new", 2, T0.minus(Duration.ofDays(1)), List.of(ioc("domain", "medium-new.com"))),
                new Campaign("high", 1, T0.minus(Duration.ofDays(9)), List.of(ioc("domain", "high-old.com"),
                        ioc("ip", "45.0.0.1"), ioc("ip", "45.0.0.2")))));

        IndicatorSet set = Json.mapper().readValue(store.read(output.indicatorsKey()).orElseThrow(), IndicatorSet.class);
        assertThat(set.domain()).extracting(Indicator::value)
                .containsExactly("high-old.com", "medium-new.com", "medium-old-lethal.com");
        assertThat(set.ip()).extracting(Indicator::value).containsExactly("45.0.0.1", "45.0.0.2");
        assertThat(output.domainEntries()).isEqualTo(3);
        assertThat(output.cutForCapacity()).isEqualTo(4);
        assertThat(output.dropped()).containsEntry("over-capacity", 4L);
        NormalizeReport report = Json.mapper().readValue(store.read(output.reportKey()).orElseThrow(), NormalizeReport.class);
        assertThat(report.lists().get("domain").cutForCapacity()).isEqualTo(3);
        assertThat(report.lists().get("ip").cutForCapacity()).isEqualTo(1);
        IndicatorState state = Json.mapper().readValue(store.read(output.stateKey()).orElseThrow(), IndicatorState.class);
        assertThat(state.domain()).filteredOn(entry -> !entry.listed()).extracting(StoredIndicator::value)
                .containsExactly("low-newest.com", "medium-old-mild.com", "medium-old-unrated.com");
    }

    @Test
    void normalize_withinCapacity_cutsNothing() {
        LocalArtifactStore store = new LocalArtifactStore(root);
        NormalizeIocsService service = new NormalizeIocsService(store, new NormalizeSettings(16, 30, 2, 2, null, null));

        NormalizeIocsOutput output = service.normalize(SyntheticFeed.store(store, "run-1", T0,
                new Campaign("c", 3, T0, List.of(ioc("domain", "a-site.com"), ioc("domain", "b-site.com")))));

        assertThat(output.domainEntries()).isEqualTo(2);
        assertThat(output.cutForCapacity()).isZero();
        assertThat(output.dropped()).doesNotContainKey("over-capacity");
    }
}
