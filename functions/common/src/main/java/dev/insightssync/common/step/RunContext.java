package dev.insightssync.common.step;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one sync run: the Step Functions execution name (or a CLI run id), its start time
 * and its options. Every step receives it, so every step can find the run's artifacts and put
 * the execution name on its log lines.
 *
 * @param executionName execution name; it becomes part of S3 keys, so only {@code [A-Za-z0-9_-]}
 * @param startedAt     when the execution started; the fetch window and watermark count from it
 * @param options       per-run options from the execution input
 */
public record RunContext(String executionName, Instant startedAt, SyncOptions options) {

    private static final Pattern EXECUTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    public RunContext {
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!EXECUTION_NAME.matcher(executionName).matches()) {
            throw new IllegalArgumentException("Invalid execution name '" + executionName
                    + "': use 1 to 80 letters, digits, '-' or '_', because it becomes part of S3 keys.");
        }
        options = options == null ? SyncOptions.defaults() : options;
    }

    /** Returns the key prefix under which this run's artifacts are stored, ending with '/'. */
    public String runPrefix() {
        return "runs/" + executionName + "/";
    }
}
