package dev.insightssync.common.insights;

/** Base of the errors raised by the Insights client; the subclass tells the state machine whether a retry can help. */
public abstract class InsightsException extends RuntimeException {

    protected InsightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
