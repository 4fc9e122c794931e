package dev.insightssync.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Static test: every task of the definition retries transient failures and catches the rest. */
class DefinitionErrorHandlingTest {

    private static final List<String> LAMBDA_SERVICE_ERRORS = List.of(
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
            "Lambda.ClientExecutionTimeoutException",
            "Lambda.TooManyRequestsException");

    private static final List<String> LAMBDA_TASKS = List.of(
            "Authenticate", "FetchCampaigns", "NormalizeIocs", "WriteThreatList", "UpdateThreatIntelSet");

    @Test
    void lambdaTasks_areTheFiveStepsInOrder() {
        List<String> lambdaTasks = new ArrayList<>();
        String name = ProjectFiles.definition().path("StartAt").asText();
        while (!name.isEmpty()) {
            JsonNode state = states().path(name);
            if ("arn:aws:states:::lambda:invoke".equals(state.path("Resource").asText())) {
                lambdaTasks.add(name);
            }
            name = state.path("Next").asText();
        }
        assertThat(lambdaTasks).isEqualTo(LAMBDA_TASKS);
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
    void namedRetriers_useFullClassNamesAndCapTheirDelay() {
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
    void everyTask_catchesAllErrorsKeepingItsInput_andRecordsTheFailedState() {
        for (Map.Entry<String, JsonNode> task : tasks()) {
            if (task.getKey().equals("NotifyFailure")) {
                continue;
            }
            JsonNode catcher = task.getValue().path("Catch").path(0);
            assertThat(texts(catcher.path("ErrorEquals"))).as(task.getKey()).containsExactly("States.ALL");
            assertThat(catcher.path("ResultPath").asText()).as(task.getKey()).isEqualTo("$.error");
            JsonNode recorder = states().path(catcher.path("Next").asText());
            assertThat(recorder.path("Result").asText()).as(task.getKey()).isEqualTo(task.getKey());
            assertThat(recorder.path("ResultPath").asText()).as(task.getKey()).isEqualTo("$.failedState");
            assertThat(recorder.path("Next").asText()).as(task.getKey()).isEqualTo("NotifyFailure");
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

    private static JsonNode states() {
        return ProjectFiles.definition().path("States");
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
