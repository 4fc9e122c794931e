package dev.insightssync.common.insights;

/**
 * Raised when Insights returned something the client cannot use: malformed or truncated
 * JSON, an HTML page, a document without {@code data}, an unexpected status, or a paging link
 * to another host. The message names the URL (page parameters only), never the body.
 */
public class InsightsResponseException extends InsightsException {

    public InsightsResponseException(String message) {
        super(message, null);
    }

    public InsightsResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
