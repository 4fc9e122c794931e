package dev.insightssync.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows an execution of the state machine: prints each state as it completes, and the error
 * and cause of whatever failed, until the execution stops.
 */
final class ExecutionFollower {

    /** Interface for waiting between polls, replaced in tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final SfnClient stepFunctions;
    private final PrintWriter out;
    private final Duration pollInterval;
    private final Sleeper sleeper;

    ExecutionFollower(SfnClient stepFunctions, PrintWriter out, Duration pollInterval, Sleeper sleeper) {
        this.stepFunctions = stepFunctions;
        this.out = out;
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
    }

    /**
     * Prints the execution's events after {@code afterEventId} until it stops, and returns its
     * final description.
     */
    DescribeExecutionResponse follow(String executionArn, long afterEventId) throws InterruptedException {
        long lastEventId = afterEventId;
        while (true) {
            DescribeExecutionResponse execution = stepFunctions.describeExecution(request -> request.executionArn(executionArn));
            lastEventId = printEventsAfter(executionArn, lastEventId);
            if (execution.status() != ExecutionStatus.RUNNING) {
                printEventsAfter(executionArn, lastEventId);
                return execution;
            }
            sleeper.sleep(pollInterval);
        }
    }

    /** Returns the id of the execution's latest event, so that a redrive prints only what follows. */
    long lastEventId(String executionArn) {
        GetExecutionHistoryResponse page = stepFunctions.getExecutionHistory(request -> request
                .executionArn(executionArn).reverseOrder(true).maxResults(1));
        return page.events().isEmpty() ? 0 : page.events().get(0).id();
    }

    private long printEventsAfter(String executionArn, long afterEventId) {
        long lastEventId = afterEventId;
        String nextToken = null;
        do {
            GetExecutionHistoryRequest.Builder request = GetExecutionHistoryRequest.builder()
                    .executionArn(executionArn)
                    .includeExecutionData(false)
                    .maxResults(1000)
                    .nextToken(nextToken);
            GetExecutionHistoryResponse page = stepFunctions.getExecutionHistory(request.build());
            List<HistoryEvent> events = page.events();
            for (HistoryEvent event : events) {
                if (event.id() > lastEventId) {
                    print(event);
                    lastEventId = event.id();
                }
            }
            nextToken = page.nextToken();
        } while (nextToken != null);
        out.flush();
        return lastEventId;
    }

    private void print(HistoryEvent event) {
        String time = event.timestamp() == null ? "" : event.timestamp().toString() + " ";
        if (event.stateExitedEventDetails() != null) {
            // Task, Pass, Choice, Wait, Map and Parallel states each have their own exited type.
            out.println(time + "completed " + event.stateExitedEventDetails().name());
            return;
        }
        switch (event.type()) {
            case LAMBDA_FUNCTION_FAILED -> out.println(time + "  task failed: " + event.lambdaFunctionFailedEventDetails().error()
                    + ": " + oneLine(event.lambdaFunctionFailedEventDetails().cause()));
            case TASK_FAILED -> out.println(time + "  task failed: " + event.taskFailedEventDetails().error()
                    + ": " + oneLine(event.taskFailedEventDetails().cause()));
            case EXECUTION_FAILED -> out.println(time + "execution failed: " + event.executionFailedEventDetails().error()
                    + ": " + oneLine(event.executionFailedEventDetails().cause()));
            case EXECUTION_TIMED_OUT -> out.println(time + "execution timed out");
            case EXECUTION_ABORTED -> out.println(time + "execution aborted");
            case EXECUTION_SUCCEEDED -> out.println(time + "execution succeeded");
            default -> {
                // Entered, scheduled and started events add nothing a person needs while following.
            }
        }
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
