package dev.insightssync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** The commands that drive the deployed state machine: {@code start}, {@code redrive} and {@code status}. */
final class ExecutionCommands {

    /** How often a followed execution is polled; Step Functions allows far more than this rate. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /** Set by tests to poll without waiting. */
    static ExecutionFollower.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    /** Set by tests to point the AWS clients at a loopback server. */
    static Supplier<Settings> environment = Settings::fromEnvironment;

    private ExecutionCommands() {
    }

    /** {@code insights-sync start}: starts an execution and follows it. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts an execution of the deployed state machine, prints each state as it completes, and exits 1 if it fails.")
    static final class Start implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StateMachineOptions stateMachine;

        @Option(names = "--full-resync", description = "Ignore the stored watermark and fetch the whole lookback window.")
        boolean fullResync;

        @Option(names = "--allow-shrink", description = "Publish even if a list shrank by more than the configured fraction.")
        boolean allowShrink;

        @Option(names = "--lookback-days", paramLabel = "N", description = "Lookback window for this execution.")
        Integer lookbackDays;

        @Option(names = "--no-follow", description = "Return after starting, without following the execution.")
        boolean noFollow;

        @Override
        public Integer call() throws Exception {
            if (lookbackDays != null && (lookbackDays < 1 || lookbackDays > 3650)) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid --lookback-days " + lookbackDays + ": expected a whole number of days from 1 to 3650.");
            }
            Settings settings = environment.get();
            String stateMachineArn = stateMachine.stateMachineArn(settings);
            PrintWriter out = spec.commandLine().getOut();
            try (SfnClient stepFunctions = stateMachine.stepFunctions(settings)) {
                StartExecutionResponse started = stepFunctions.startExecution(request -> request
                        .stateMachineArn(stateMachineArn)
                        .input(input()));
                out.println("started " + started.executionArn());
                out.flush();
                if (noFollow) {
                    return 0;
                }
                ExecutionFollower follower = new ExecutionFollower(stepFunctions, out, POLL_INTERVAL, sleeper);
                return report(follower.follow(started.executionArn(), 0), out);
            }
        }

        private String input() {
            ObjectNode input = Json.mapper().createObjectNode();
            if (fullResync) {
                input.put("fullResync", true);
            }
            if (allowShrink) {
                input.put("allowShrink", true);
            }
            if (lookbackDays != null) {
                input.put("lookbackDays", lookbackDays);
            }
            return input.toString();
        }
    }

    /** {@code insights-sync redrive EXECUTION_ARN}: redrives a failed execution and follows it. */
    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Redrives a failed execution from the state that failed, follows it, and exits 1 if it fails again.")
    static final class Redrive implements Callable<Integer> {

        private static final Pattern EXECUTION_ARN = Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:execution:[^:]+:[^:]+");

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EXECUTION_ARN", description = "ARN of the failed execution.")
        String executionArn;

        @Option(names = "--region", paramLabel = "REGION", description = "AWS Region (default: the Region in the ARN).")
        String region;

        @Override
        public Integer call() throws Exception {
            if (!EXECUTION_ARN.matcher(executionArn).matches()) {
                throw new ParameterException(spec.commandLine(), "Invalid execution ARN '" + executionArn
                        + "': expected arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME, as the alert e-mail shows it.");
            }
            PrintWriter out = spec.commandLine().getOut();
            var builder = AwsClients.configure(SfnClient.builder(), environment.get(), "SFN");
            String arnRegion = regionOf(executionArn);
            if (region != null || arnRegion != null) {
                builder.region(Region.of(region != null ? region : arnRegion));
            }
            try (SfnClient stepFunctions = builder.build()) {
                ExecutionFollower follower = new ExecutionFollower(stepFunctions, out, POLL_INTERVAL, sleeper);
                long lastEventId = follower.lastEventId(executionArn);
                stepFunctions.redriveExecution(request -> request.executionArn(executionArn));
                out.println("redriven " + executionArn);
                out.flush();
                return report(follower.follow(executionArn, lastEventId), out);
            }
        }

        /** Returns the Region field of an ARN such as {@code arn:aws:states:eu-west-1:123:execution:m:e}, or null. */
        static String regionOf(String arn) {
            String[] parts = arn.split(":");
            return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
        }
    }

    /** {@code insights-sync status}: lists recent executions. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Lists recent executions with outcome, duration and list entry counts.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StateMachineOptions stateMachine;

        @Option(names = "--max", paramLabel = "N", defaultValue = "10", description = "Executions to list (default: ${DEFAULT-VALUE}).")
        int max;

        @Override
        public Integer call() throws Exception {
            Settings settings = environment.get();
            String stateMachineArn = stateMachine.stateMachineArn(settings);
            PrintWriter out = spec.commandLine().getOut();
            try (SfnClient stepFunctions = stateMachine.stepFunctions(settings)) {
                var executions = stepFunctions.listExecutions(request -> request
                        .stateMachineArn(stateMachineArn).maxResults(Math.max(1, Math.min(max, 1000)))).executions();
                out.printf("%-40s %-10s %-20s %9s %9s %9s%n", "EXECUTION", "STATUS", "STARTED", "DURATION", "IP", "DOMAIN");
                for (ExecutionListItem item : executions) {
                    DescribeExecutionResponse execution = stepFunctions.describeExecution(request -> request
                            .executionArn(item.executionArn()));
                    ListCounts counts = ListCounts.of(execution.output());
                    out.printf("%-40s %-10s %-20s %9s %9s %9s%n",
                            item.name(),
                            item.statusAsString(),
                            item.startDate().toString().substring(0, 19),
                            duration(item.startDate(), item.stopDate()),
                            counts.ip(),
                            counts.domain());
                }
                out.flush();
                return 0;
            }
        }

        private static String duration(Instant start, Instant stop) {
            if (stop == null) {
                return "running";
            }
            long seconds = Duration.between(start, stop).toSeconds();
            return seconds >= 60 ? (seconds / 60) + "m" + (seconds % 60) + "s" : seconds + "s";
        }
    }

    /** Entry counts of the two lists, read from a succeeded execution's output. */
    record ListCounts(String ip, String domain) {

        static ListCounts of(String output) {
            if (output == null) {
                return new ListCounts("-", "-");
            }
            try {
                JsonNode normalize = Json.mapper().readTree(output).path("normalize");
                return new ListCounts(text(normalize.path("ipEntries")), text(normalize.path("domainEntries")));
            } catch (java.io.IOException e) {
                return new ListCounts("?", "?");
            }
        }

        private static String text(JsonNode node) {
            return node.isNumber() ? node.asText() : "-";
        }
    }

    /** Prints the outcome of a followed execution and returns the exit status. */
    static int report(DescribeExecutionResponse execution, PrintWriter out) {
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            out.println("SUCCEEDED " + execution.executionArn());
            out.flush();
            return 0;
        }
        out.println(execution.statusAsString() + " " + execution.executionArn()
                + (execution.error() == null ? "" : ": " + execution.error() + ": " + ExecutionFollower.oneLine(execution.cause())));
        out.println("A failed run commits nothing: after fixing the cause, start a new execution with"
                + " insights-sync start, or redrive this one with insights-sync redrive " + execution.executionArn());
        out.flush();
        return 1;
    }
}
