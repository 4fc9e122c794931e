package dev.insightssync.common.insights;

/** Base of the errors raised by the Insights client. The subclass name lets the state machine decide whether to retry. */
public abstract class InsightsException extends RuntimeException {

    protected InsightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
