package dev.insightssync.common.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insightssync.common.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudWatch metrics in the Embedded Metric Format: one JSON object per line on standard
 * output, which CloudWatch Logs turns into metrics without any API call from the function.
 *
 * <p>Every record carries its dimensions (for example {@code Step}) as top-level fields and the
 * execution name as a plain property, so a metric can be traced back to its run without making
 * the execution a dimension.
 */
public final class EmbeddedMetrics {

    /** CloudWatch namespace of every metric of this project. */
    public static final String NAMESPACE = "InsightsGuardDutySync";

    /**
     * One EMF record: metrics that share the same dimension values.
     *
     * @param dimensions dimension names and values, for example {@code Step=FetchCampaigns}
     * @param metrics    metric values by name
     * @param unit       the CloudWatch unit of every metric in the record, for example {@code Count}
     */
    public record Record(Map<String, String> dimensions, Map<String, Double> metrics, String unit) {
    }

    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Returns an emitter that writes to this process's standard output. */
    public static EmbeddedMetrics standardOutput() {
        return new EmbeddedMetrics(System.out, Clock.systemUTC());
    }

    /** Writes each record as one line; the execution name goes into every record as a property. */
    public void emit(String executionName, List<Record> records) {
        for (Record record : records) {
            if (!record.metrics().isEmpty()) {
                out.println(format(executionName, record));
            }
        }
        out.flush();
    }

    String format(String executionName, Record record) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        record.dimensions().keySet().forEach(dimensionSet::add);
        ArrayNode metrics = directive.putArray("Metrics");
        record.metrics().keySet().forEach(name -> metrics.addObject().put("Name", name).put("Unit", record.unit()));

        record.dimensions().forEach(root::put);
        root.put("execution", executionName);
        record.metrics().forEach(root::put);
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to format a metric record", e);
        }
    }
}
