package dev.insightssync.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit tests of the Embedded Metric Format records. */
class EmbeddedMetricsTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final EmbeddedMetrics metrics = new EmbeddedMetrics(
            new PrintStream(buffer, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void emit_writesOneEmfObjectPerRecord() throws Exception {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Step", "NormalizeIocs");
        dimensions.put("Reason", "allowlisted");

        metrics.emit("run-1", List.of(new EmbeddedMetrics.Record(dimensions, Map.of("DroppedIocs", 3.0), "Count")));

        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode record = Json.mapper().readTree(lines.get(0));
        assertThat(record.at("/_aws/Timestamp").asLong()).isEqualTo(1_796_342_400_000L);
        assertThat(record.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("InsightsGuardDutySync");
        assertThat(record.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString()).isEqualTo("[\"Step\",\"Reason\"]");
        assertThat(record.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo("DroppedIocs");
        assertThat(record.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(record.get("Step").asText()).isEqualTo("NormalizeIocs");
        assertThat(record.get("Reason").asText()).isEqualTo("allowlisted");
        assertThat(record.get("execution").asText()).isEqualTo("run-1");
        assertThat(record.get("DroppedIocs").asDouble()).isEqualTo(3.0);
    }

    @Test
    void emit_recordWithoutMetrics_writesNothing() {
        metrics.emit("run-1", List.of(new EmbeddedMetrics.Record(Map.of("Step", "X"), Map.of(), "Count")));

        assertThat(buffer.size()).isZero();
    }
}
