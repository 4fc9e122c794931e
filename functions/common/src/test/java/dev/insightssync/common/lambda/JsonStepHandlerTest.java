package dev.insightssync.common.lambda;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.metrics.EmbeddedMetrics;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.StepInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Unit tests of the handler base class: parsing, output, logging context and metrics. */
class JsonStepHandlerTest {

    record EchoInput(RunContext run, String value) implements StepInput {
    }

    record EchoOutput(String value, String execution) {
    }

    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();

    private final class EchoHandler extends JsonStepHandler<EchoInput, EchoOutput> {

        EchoHandler() {
            super(EchoInput.class, new EmbeddedMetrics(new PrintStream(metricLines, true, UTF_8), Clock.systemUTC()));
        }

        @Override
        protected EchoOutput handle(EchoInput input) {
            if ("fail".equals(input.value())) {
                throw new IllegalStateException("requested failure");
            }
            return new EchoOutput(input.value(), MDC.get(EXECUTION_KEY));
        }

        @Override
        protected List<EmbeddedMetrics.Record> metrics(EchoOutput output) {
            return List.of(new EmbeddedMetrics.Record(Map.of(), Map.of("Echoed", 1.0), "Count"));
        }
    }

    @Test
    void process_writesOutputWithExecutionInLoggingContext() throws Exception {
        String output = run("{\"run\":{\"executionName\":\"run-7\",\"startedAt\":\"2026-12-04T00:00:00Z\"},\"value\":\"x\"}");

        assertThat(output).isEqualTo("{\"value\":\"x\",\"execution\":\"run-7\"}");
        assertThat(MDC.get(JsonStepHandler.EXECUTION_KEY)).isNull();
    }

    @Test
    void process_emitsDurationAndStepMetrics() throws Exception {
        run("{\"run\":{\"executionName\":\"run-7\",\"startedAt\":\"2026-12-04T00:00:00Z\"},\"value\":\"x\"}");

        List<JsonNode> records = records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("Step").asText()).isEqualTo("Echo");
        assertThat(records.get(0).has("Duration")).isTrue();
        assertThat(records.get(1).get("Step").asText()).isEqualTo("Echo");
        assertThat(records.get(1).get("Echoed").asDouble()).isEqualTo(1.0);
        assertThat(records.get(1).get("execution").asText()).isEqualTo("run-7");
    }

    @Test
    void process_failure_emitsFailureCountAndRethrows() throws Exception {
        assertThatThrownBy(() -> run("{\"run\":{\"executionName\":\"run-8\",\"startedAt\":\"2026-12-04T00:00:00Z\"},\"value\":\"fail\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("requested failure");

        List<JsonNode> records = records();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("Failures").asDouble()).isEqualTo(1.0);
        assertThat(MDC.get(JsonStepHandler.EXECUTION_KEY)).isNull();
    }

    @Test
    void shortenStackTraces_keepsFirstFrames() {
        IllegalStateException cause = new IllegalStateException("inner");
        cause.setStackTrace(frames(20));
        RuntimeException failure = new RuntimeException("outer", cause);
        failure.setStackTrace(frames(30));

        JsonStepHandler.shortenStackTraces(failure);

        assertThat(failure.getStackTrace()).hasSize(JsonStepHandler.MAX_STACK_FRAMES);
        assertThat(failure.getStackTrace()[0].getMethodName()).isEqualTo("m0");
        assertThat(cause.getStackTrace()).hasSize(JsonStepHandler.MAX_STACK_FRAMES);
    }

    @Test
    void process_failure_rethrowsWithShortStackTrace() {
        assertThatThrownBy(() -> run("{\"run\":{\"executionName\":\"run-9\",\"startedAt\":\"2026-12-04T00:00:00Z\"},\"value\":\"fail\"}"))
                .satisfies(thrown -> assertThat(thrown.getStackTrace().length).isLessThanOrEqualTo(JsonStepHandler.MAX_STACK_FRAMES));
    }

    @Test
    void process_inputWithoutRun_raisesInvalidStepInput() {
        assertThatThrownBy(() -> run("{\"value\":\"x\"}"))
                .isInstanceOf(InvalidStepInputException.class)
                .hasMessageContaining("has no 'run' object");
    }

    @Test
    void process_malformedJson_raisesInvalidStepInput() {
        assertThatThrownBy(() -> run("{\"run\":"))
                .isInstanceOf(InvalidStepInputException.class)
                .hasMessageContaining("EchoInput is not valid JSON");
    }

    private static StackTraceElement[] frames(int count) {
        StackTraceElement[] frames = new StackTraceElement[count];
        for (int i = 0; i < count; i++) {
            frames[i] = new StackTraceElement("dev.example.Step", "m" + i, "Step.java", i + 1);
        }
        return frames;
    }

    private String run(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EchoHandler().process(new ByteArrayInputStream(input.getBytes(UTF_8)), out);
        return out.toString(UTF_8);
    }

    private List<JsonNode> records() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : metricLines.toString(UTF_8).lines().toList()) {
            records.add(Json.mapper().readTree(line));
        }
        return records;
    }
}
