package dev.insightssync.cli;

import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns an exception that ends a command into one line on standard error and exit status 1.
 *
 * <p>The project's exceptions carry messages that name the failed value and the fix and never a
 * secret, so the message is the whole report; the class name says which step failed and is the
 * same error name the state machine shows.
 */
final class FailureReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        Throwable reported = exception;
        if (reported instanceof java.util.concurrent.CompletionException && reported.getCause() != null) {
            reported = reported.getCause();
        }
        String message = reported.getMessage() == null ? "(no message)" : reported.getMessage();
        if (reported instanceof SdkException) {
            // SDK messages name neither the service nor what to check.
            message = "AWS request failed: " + message + " Check --region (or AWS_REGION), your AWS credentials,"
                    + " and AWS_ENDPOINT_URL if it is set.";
        }
        commandLine.getErr().println("insights-sync: failed: " + reported.getClass().getSimpleName()
                + ": " + message.replace('\n', ' ').replace('\r', ' '));
        return FAILURE;
    }
}
