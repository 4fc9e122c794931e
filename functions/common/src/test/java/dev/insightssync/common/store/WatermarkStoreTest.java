package dev.insightssync.common.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.WatermarkStore.Watermark;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit test of {@link WatermarkStore} on a local artifact folder. */
class WatermarkStoreTest {

    @TempDir
    Path folder;

    @Test
    void read_noObject_empty() {
        assertThat(new WatermarkStore(new LocalArtifactStore(folder)).read()).isEmpty();
    }

    @Test
    void commit_writesExactJson_andReadReturnsIt() {
        LocalArtifactStore store = new LocalArtifactStore(folder);
        WatermarkStore watermarks = new WatermarkStore(store);

        watermarks.commit(new RunContext("run-42", Instant.parse("2026-12-04T00:00:00Z"), SyncOptions.defaults()));

        assertThat(new String(store.read("state/watermark.json").orElseThrow(), UTF_8))
                .isEqualTo("{\"fetchStartedAt\":\"2026-12-04T00:00:00Z\",\"executionName\":\"run-42\"}");
        assertThat(watermarks.read()).contains(new Watermark(Instant.parse("2026-12-04T00:00:00Z"), "run-42"));
    }

    @Test
    void read_invalidObject_raisesNamingKey() {
        LocalArtifactStore store = new LocalArtifactStore(folder);
        store.put("state/watermark.json", "{\"executionName\":\"x\"}".getBytes(UTF_8), "application/json");

        assertThatThrownBy(() -> new WatermarkStore(store).read())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid watermark " + folder.resolve("state/watermark.json"));
    }
}
