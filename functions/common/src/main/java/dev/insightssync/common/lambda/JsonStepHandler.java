package dev.insightssync.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.metrics.EmbeddedMetrics;
import dev.insightssync.common.step.StepInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every step's Lambda handler: parses the typed input record, puts the execution name
 * into the logging context, calls the step and writes the typed output record.
 *
 * <p>It reads and writes JSON with the project's own mapper instead of the runtime's built-in
 * serializer, so records and {@code Instant}s travel as plain ISO-8601 JSON. Exceptions propagate
 * unchanged: Lambda reports the class name as the error type, which the state machine matches.
 *
 * @param <I> the step's input record
 * @param <O> the step's output record
 */
public abstract class JsonStepHandler<I extends StepInput, O> implements RequestStreamHandler {

    /** The logging context key that carries the execution name on every log line of a run. */
    public static final String EXECUTION_KEY = "execution";

    /** Stack frames kept per exception in a failed step's error report. */
    static final int MAX_STACK_FRAMES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(JsonStepHandler.class);

    private final Class<I> inputType;
    private final EmbeddedMetrics metrics;

    protected JsonStepHandler(Class<I> inputType) {
        this(inputType, EmbeddedMetrics.standardOutput());
    }

    protected JsonStepHandler(Class<I> inputType, EmbeddedMetrics metrics) {
        this.inputType = inputType;
        this.metrics = metrics;
    }

    /** Runs the step on one parsed input. */
    protected abstract O handle(I input);

    /** Returns the step's name in metrics, for example {@code FetchCampaigns}. */
    protected String stepName() {
        return getClass().getSimpleName().replaceFirst("Handler$", "");
    }

    /**
     * Returns the metrics of a successful run of the step, beyond its duration; each record gets
     * the {@code Step} dimension. None by default.
     */
    protected List<EmbeddedMetrics.Record> metrics(O output) {
        return List.of();
    }

    @Override
    public final void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        process(in, out);
    }

    /** Parses the input, runs the step and writes its output; the Lambda context is not needed. */
    public final void process(InputStream in, OutputStream out) throws IOException {
        ObjectMapper mapper = Json.mapper();
        I input = parse(mapper, in);
        String executionName = input.run().executionName();
        MDC.put(EXECUTION_KEY, executionName);
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            O output = handleShortening(input);
            mapper.writeValue(out, output);
            succeeded = true;
            emitMetrics(executionName, started, metrics(output));
        } finally {
            if (!succeeded) {
                emitMetrics(executionName, started, List.of(new EmbeddedMetrics.Record(Map.of(), Map.of("Failures", 1.0), "Count")));
            }
            MDC.remove(EXECUTION_KEY);
        }
    }

    private O handleShortening(I input) {
        try {
            return handle(input);
        } catch (RuntimeException e) {
            throw shortenStackTraces(e);
        }
    }

    /**
     * Keeps the first {@value #MAX_STACK_FRAMES} frames of the exception and of each cause. The
     * Lambda runtime reports the stack trace as the error's cause, and Step Functions copies that
     * cause into the failure alert. The first frames locate the failure, so the rest only lengthen it.
     */
    static <T extends Throwable> T shortenStackTraces(T exception) {
        for (Throwable current = exception; current != null; current = current.getCause()) {
            StackTraceElement[] frames = current.getStackTrace();
            if (frames.length > MAX_STACK_FRAMES) {
                current.setStackTrace(Arrays.copyOf(frames, MAX_STACK_FRAMES));
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return exception;
    }

    private void emitMetrics(String executionName, long startedNanos, List<EmbeddedMetrics.Record> records) {
        Map<String, String> step = Map.of("Step", stepName());
        double millis = (System.nanoTime() - startedNanos) / 1_000_000.0;
        List<EmbeddedMetrics.Record> all = new ArrayList<>();
        all.add(new EmbeddedMetrics.Record(step, Map.of("Duration", millis), "Milliseconds"));
        for (EmbeddedMetrics.Record record : records) {
            Map<String, String> dimensions = new LinkedHashMap<>(step);
            dimensions.putAll(record.dimensions());
            all.add(new EmbeddedMetrics.Record(dimensions, record.metrics(), record.unit()));
        }
        metrics.emit(executionName, all);
    }

    private I parse(ObjectMapper mapper, InputStream in) throws IOException {
        I input;
        try {
            input = mapper.readValue(in, inputType);
        } catch (JsonProcessingException e) {
            throw new InvalidStepInputException(inputType.getSimpleName() + " is not valid JSON of the expected shape: "
                    + e.getOriginalMessage() + ". Check the state's Parameters in the state machine definition.", e);
        }
        if (input == null || input.run() == null) {
            throw new InvalidStepInputException(inputType.getSimpleName()
                    + " has no 'run' object. Check the state's Parameters in the state machine definition.", null);
        }
        LOG.debug("Parsed {}", inputType.getSimpleName());
        return input;
    }
}
