package dev.insightssync.common.insights;

/**
 * Raised when a listing still has a {@code next} page after the configured maximum number of
 * pages, which protects a run from a server that pages forever.
 */
public class InsightsPageLimitException extends InsightsException {

    public InsightsPageLimitException(String message) {
        super(message, null);
    }

    public InsightsPageLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
