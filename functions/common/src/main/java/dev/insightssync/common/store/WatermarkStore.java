package dev.insightssync.common.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads and commits the incremental-sync watermark, the object {@value #KEY} holding
 * {@code {"fetchStartedAt":"<ISO instant>","executionName":"<name>"}}: the start time of the
 * last run that finished completely.
 *
 * <p>The fetch step only reads it. The state machine's final state writes the same JSON with an
 * S3 PutObject after the whole execution succeeded, and the CLI calls {@link #commit(RunContext)},
 * so a failed run never moves the watermark.
 */
public final class WatermarkStore {

    /** Artifact key of the watermark. */
    public static final String KEY = "state/watermark.json";

    private final ArtifactStore store;

    public WatermarkStore(ArtifactStore store) {
        this.store = store;
    }

    /**
     * Returns the watermark, or empty when none was committed yet.
     *
     * @throws ConfigurationException when the object exists but is not a valid watermark
     */
    public Optional<Watermark> read() {
        Optional<byte[]> content = store.read(KEY);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Watermark watermark;
        try {
            watermark = Json.mapper().readValue(content.get(), Watermark.class);
        } catch (IOException e) {
            throw invalid(e);
        }
        if (watermark == null || watermark.fetchStartedAt() == null) {
            throw invalid(null);
        }
        return Optional.of(watermark);
    }

    /** Stores the watermark of a run that finished completely, replacing the previous one. */
    public void commit(RunContext run) {
        Watermark watermark = new Watermark(run.startedAt(), run.executionName());
        ObjectMapper mapper = Json.mapper();
        try {
            store.put(KEY, mapper.writeValueAsBytes(watermark), "application/json");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to serialize the watermark", e);
        }
    }

    private ConfigurationException invalid(Exception cause) {
        return new ConfigurationException("Invalid watermark " + store.locationOf(KEY)
                + ": expected {\"fetchStartedAt\":\"<ISO instant>\",\"executionName\":\"<name>\"}."
                + " Delete the object, or start the run with fullResync, to fetch the whole lookback window.", cause);
    }

    /**
     * The committed watermark.
     *
     * @param fetchStartedAt start time of the last run that finished completely
     * @param executionName  that run's execution name
     */
    public record Watermark(Instant fetchStartedAt, String executionName) {
    }
}
