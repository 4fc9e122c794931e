package dev.insightssync.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insightssync.common.lambda.InvalidStepInputException;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.common.store.WatermarkStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit test of choosing the fetch window from the lookback, the watermark and the run options. */
class FetchWindowTest {

    private static final Instant STARTED = Instant.parse("2026-12-04T00:00:00Z");
    private static final FetchSettings SETTINGS = new FetchSettings(30, 60);

    @TempDir
    Path folder;

    private LocalArtifactStore store;
    private WatermarkStore watermarks;

    @BeforeEach
    void setUp() {
        store = new LocalArtifactStore(folder);
        watermarks = new WatermarkStore(store);
    }

    @Test
    void firstRun_withoutWatermark_usesLookbackSetting() {
        FetchWindow window = FetchWindow.of(run(SyncOptions.defaults()), SETTINGS, watermarks);

        assertThat(window).isEqualTo(new FetchWindow(Instant.parse("2026-11-04T00:00:00Z"), false));
    }

    @Test
    void lookbackOption_overridesSetting() {
        FetchWindow window = FetchWindow.of(run(new SyncOptions(7, null, null)), SETTINGS, watermarks);

        assertThat(window).isEqualTo(new FetchWindow(Instant.parse("2026-11-27T00:00:00Z"), false));
    }

    @Test
    void watermark_startsAtWatermarkMinusOverlap() {
        commitWatermark("2026-12-03T00:00:00Z");

        FetchWindow window = FetchWindow.of(run(SyncOptions.defaults()), SETTINGS, watermarks);

        assertThat(window).isEqualTo(new FetchWindow(Instant.parse("2026-12-02T23:00:00Z"), true));
    }

    @Test
    void watermark_fullResync_ignoresIt() {
        commitWatermark("2026-12-03T00:00:00Z");

        FetchWindow window = FetchWindow.of(run(new SyncOptions(null, true, null)), SETTINGS, watermarks);

        assertThat(window).isEqualTo(new FetchWindow(Instant.parse("2026-11-04T00:00:00Z"), false));
    }

    @Test
    void watermark_olderThanLookback_usesLookback() {
        commitWatermark("2026-08-01T00:00:00Z");

        FetchWindow window = FetchWindow.of(run(SyncOptions.defaults()), SETTINGS, watermarks);

        assertThat(window).isEqualTo(new FetchWindow(Instant.parse("2026-11-04T00:00:00Z"), false));
    }

    @Test
    void watermark_fullResync_skipsEvenInvalidObject() {
        store.put(WatermarkStore.KEY, "not json".getBytes(UTF_8), "application/json");

        FetchWindow window = FetchWindow.of(run(new SyncOptions(null, true, null)), SETTINGS, watermarks);

        assertThat(window.fromWatermark()).isFalse();
    }

    @Test
    void lookbackOption_zero_rejected() {
        assertThatThrownBy(() -> FetchWindow.of(run(new SyncOptions(0, null, null)), SETTINGS, watermarks))
                .isInstanceOf(InvalidStepInputException.class)
                .hasMessageContaining("Invalid run option lookbackDays=0");
    }

    @Test
    void contains_boundaryIncluded_nullExcluded() {
        FetchWindow window = new FetchWindow(Instant.parse("2026-11-04T00:00:00Z"), false);

        assertThat(window.contains(Instant.parse("2026-11-04T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-03T23:59:59Z"))).isFalse();
        assertThat(window.contains(null)).isFalse();
    }

    private void commitWatermark(String fetchStartedAt) {
        watermarks.commit(new RunContext("previous", Instant.parse(fetchStartedAt), SyncOptions.defaults()));
    }

    private static RunContext run(SyncOptions options) {
        return new RunContext("exec-3", STARTED, options);
    }
}
