package dev.insightssync.common.insights;

/**
 * Raised when Insights could not be reached or kept returning 429 or 5xx after every attempt.
 * The condition is usually temporary, so the state machine retries it later.
 */
public class InsightsUnavailableException extends InsightsException {

    public InsightsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
