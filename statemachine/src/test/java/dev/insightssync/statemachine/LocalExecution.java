package dev.insightssync.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the state machine definition once on aws-local-stepfunctions (through
 * {@code src/test/node/run-execution.mjs} and the Node.js 22 binary) with every Task sent to a
 * {@link TaskBridge}.
 *
 * <p>aws-local-stepfunctions always sets {@code $$.Execution.StartTime} to the moment the run
 * starts; the execution's {@code Id} and {@code Name} and the state machine's {@code Id} can be chosen.
 */
final class LocalExecution {

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * The outcome of one execution.
     *
     * @param status {@code SUCCEEDED} or {@code FAILED}
     * @param output the execution's output when it succeeded
     * @param error  the error name when it failed
     * @param cause  the error cause when it failed
     * @param states the names of the states entered, in order
     */
    record Result(String status, JsonNode output, String error, String cause, List<String> states) {
    }

    private LocalExecution() {
    }

    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:insights-sync-ThreatIntelSync";

    static String executionArn(String executionName) {
        return "arn:aws:states:us-east-1:123456789012:execution:insights-sync-ThreatIntelSync:" + executionName;
    }

    static Result run(TaskBridge bridge, Map<String, String> substitutions, String executionName, JsonNode input,
            Path workDir) throws IOException, InterruptedException {
        ObjectNode config = Json.mapper().createObjectNode();
        config.put("definitionFile", ProjectFiles.definitionFile().toString());
        config.set("substitutions", Json.mapper().valueToTree(substitutions));
        config.put("bridgeUrl", bridge.baseUrl());
        config.set("input", input);
        ObjectNode context = config.putObject("context");
        context.putObject("StateMachine").put("Id", STATE_MACHINE_ARN);
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", executionArn(executionName));
        execution.put("Name", executionName);
        Path configFile = workDir.resolve(executionName + ".json");
        Json.mapper().writeValue(configFile.toFile(), config);

        Path script = ProjectFiles.moduleDir().resolve("src/test/node/run-execution.mjs");
        Path stderr = workDir.resolve(executionName + ".stderr");
        Process process = new ProcessBuilder(ProjectFiles.nodeBinary().toString(), script.toString(), configFile.toString())
                .directory(ProjectFiles.moduleDir().toFile())
                .redirectError(stderr.toFile())
                .start();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("run-execution.mjs did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("run-execution.mjs exited with " + process.exitValue() + ": "
                    + Files.readString(stderr));
        }
        JsonNode report = Json.mapper().readTree(new String(stdout, StandardCharsets.UTF_8));
        List<String> states = new ArrayList<>();
        report.path("states").forEach(state -> states.add(state.asText()));
        return new Result(report.path("status").asText(), report.path("output"),
                report.path("error").asText(null), report.path("cause").asText(null), states);
    }
}
