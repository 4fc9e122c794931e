package dev.insightssync.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insightssync.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Static test: every task of the definition, including those inside the per-Region Map, retries
 * transient failures and catches the rest.
 */
class DefinitionErrorHandlingTest {

    private static final List<String> LAMBDA_SERVICE_ERRORS = List.of(
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
            "Lambda.ClientExecutionTimeoutException",
            "Lambda.TooManyRequestsException");

    private static final List<String> LAMBDA_TASKS = List.of("Authenticate", "FetchCampaigns", "NormalizeIocs",
            "WriteThreatList", "UpdateThreatIntelSet", "GetThreatListStatus");

    /** The tasks that run once per Region, inside the PublishToRegions Map. */
    private static final List<String> REGION_TASKS = List.of("UpdateThreatIntelSet", "GetThreatListStatus");

    @Test
    void lambdaTasks_areTheSixStepsInOrder() {
        List<String> lambdaTasks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> task : tasks()) {
            if ("arn:aws:states:::lambda:invoke".equals(task.getValue().path("Resource").asText())) {
                lambdaTasks.add(task.getKey());
            }
        }
        assertThat(lambdaTasks).isEqualTo(LAMBDA_TASKS);
    }

    @Test
    void regionTasks_runInsideThePublishMap() {
        JsonNode map = ProjectFiles.definition().path("States").path("PublishToRegions");
        assertThat(map.path("Type").asText()).isEqualTo("Map");
        assertThat(map.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText()).isEqualTo("INLINE");
        JsonNode iteration = map.path("ItemProcessor").path("States");
        for (String name : REGION_TASKS) {
            assertThat(iteration.has(name)).as(name).isTrue();
        }
        assertThat(texts(map.path("Catch").path(0).path("ErrorEquals"))).containsExactly("States.ALL");
    }

    @Test
    void regionResults_endEveryIteration() {
        JsonNode iteration = ProjectFiles.definition().path("States").path("PublishToRegions").path("ItemProcessor")
                .path("States");
        List<String> ends = new ArrayList<>();
        iteration.fields().forEachRemaining(state -> {
            if (state.getValue().path("End").asBoolean()) {
                ends.add(state.getKey());
            }
        });
        assertThat(ends).containsExactlyInAnyOrder("RegionSucceeded", "RegionFailed");
        assertThat(iteration.path("RegionSucceeded").path("Parameters").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(iteration.path("RegionFailed").path("Parameters").path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void lambdaTasks_retryServiceErrors() {
        for (String name : LAMBDA_TASKS) {
            JsonNode retrier = states().path(name).path("Retry").path(0);
            assertThat(texts(retrier.path("ErrorEquals"))).as(name).isEqualTo(LAMBDA_SERVICE_ERRORS);
            assertThat(retrier.path("JitterStrategy").asText()).as(name).isEqualTo("FULL");
            assertThat(retrier.path("BackoffRate").asDouble()).as(name).isGreaterThan(1.0);
        }
    }

    @Test
    void namedRetriers_useClassNamesAndMaxDelay() {
        for (String name : LAMBDA_TASKS) {
            JsonNode retriers = states().path(name).path("Retry");
            for (int i = 1; i < retriers.size(); i++) {
                JsonNode retrier = retriers.path(i);
                assertThat(texts(retrier.path("ErrorEquals"))).as(name)
                        .allSatisfy(error -> assertThat(error).startsWith("dev.insightssync.").endsWith("Exception"));
                assertThat(retrier.path("MaxDelaySeconds").isInt()).as(name).isTrue();
                assertThat(retrier.path("IntervalSeconds").asInt()).as(name).isGreaterThanOrEqualTo(10);
            }
        }
    }

    @Test
    void noRetrier_matchesAllErrors() {
        for (Map.Entry<String, JsonNode> state : tasks()) {
            for (JsonNode retrier : state.getValue().path("Retry")) {
                assertThat(texts(retrier.path("ErrorEquals"))).as(state.getKey()).doesNotContain("States.ALL");
            }
        }
    }

    @Test
    void everyTask_catchesAllKeepingInput() {
        for (Map.Entry<String, JsonNode> task : tasks()) {
            if (task.getKey().equals("NotifyFailure") || task.getKey().equals("NotifySuccess")) {
                continue;
            }
            JsonNode catcher = task.getValue().path("Catch").path(0);
            assertThat(texts(catcher.path("ErrorEquals"))).as(task.getKey()).containsExactly("States.ALL");
            assertThat(catcher.path("ResultPath").asText()).as(task.getKey()).isEqualTo("$.error");
            JsonNode recorder = states().path(catcher.path("Next").asText());
            assertThat(recorder.path("Result").asText()).as(task.getKey()).isEqualTo(task.getKey());
            assertThat(recorder.path("ResultPath").asText()).as(task.getKey()).isEqualTo("$.failedState");
            assertThat(recorder.path("Next").asText()).as(task.getKey())
                    .isEqualTo(REGION_TASKS.contains(task.getKey()) ? "RegionFailed" : "NotifyFailure");
        }
    }

    @Test
    void notifyFailure_neverLeadsBackToItself() {
        JsonNode notify = states().path("NotifyFailure");
        assertThat(notify.path("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish");
        assertThat(notify.path("Next").asText()).isEqualTo("SyncFailed");
        assertThat(notify.path("Catch").path(0).path("Next").asText()).isEqualTo("SyncFailed");
        assertThat(states().path("SyncFailed").path("Type").asText()).isEqualTo("Fail");
    }

    @Test
    void notifySuccess_endsSucceededEvenWhenItFails() {
        JsonNode notify = states().path("NotifySuccess");
        assertThat(notify.path("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish");
        assertThat(notify.path("Next").asText()).isEqualTo("SyncSucceeded");
        assertThat(texts(notify.path("Catch").path(0).path("ErrorEquals"))).containsExactly("States.ALL");
        assertThat(notify.path("Catch").path(0).path("Next").asText()).isEqualTo("SyncSucceeded");
        assertThat(states().path("SyncSucceeded").path("Type").asText()).isEqualTo("Succeed");
    }

    /** Returns every state by name, including those of the Map iterations. ASL state names are unique in a definition. */
    private static JsonNode states() {
        ObjectNode all = Json.mapper().createObjectNode();
        collect(ProjectFiles.definition().path("States"), all);
        return all;
    }

    private static void collect(JsonNode states, ObjectNode into) {
        states.fields().forEachRemaining(entry -> {
            into.set(entry.getKey(), entry.getValue());
            if ("Map".equals(entry.getValue().path("Type").asText())) {
                collect(entry.getValue().path("ItemProcessor").path("States"), into);
            }
        });
    }

    private static List<Map.Entry<String, JsonNode>> tasks() {
        List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
        states().fields().forEachRemaining(entry -> {
            if ("Task".equals(entry.getValue().path("Type").asText())) {
                tasks.add(entry);
            }
        });
        assertThat(tasks).hasSizeGreaterThan(LAMBDA_TASKS.size());
        return tasks;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
