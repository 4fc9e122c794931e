package dev.insightssync.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of {@code insights-sync}: runs the sync pipeline on one machine, on the bundled
 * demo feed or against real Insights and AWS.
 */
@Command(
        name = "insights-sync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Syncs Trellix Insights campaign IOCs into Amazon GuardDuty threat lists.",
        subcommands = {
            RunCommand.class,
            ValidateListCommand.class,
            ExecutionCommands.Start.class,
            ExecutionCommands.Redrive.class,
            ExecutionCommands.Status.class})
public final class InsightsSyncCli {

    /** Logback reads this resource instead of the Lambda functions' JSON configuration. */
    private static final String LOGGING_CONFIGURATION = "insights-sync-logback.xml";

    private InsightsSyncCli() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on the process's standard streams and returns the exit status. */
    static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers and returns the exit status. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        }
        return new CommandLine(new InsightsSyncCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureReporter())
                .execute(args);
    }
}
