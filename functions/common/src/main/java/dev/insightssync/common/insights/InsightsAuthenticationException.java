package dev.insightssync.common.insights;

/**
 * Raised when Insights rejects the credentials: the token endpoint returned 401 (client id or
 * secret) or 403 (API key), or the API rejected a freshly issued token. Retrying cannot help.
 */
public class InsightsAuthenticationException extends InsightsException {

    public InsightsAuthenticationException(String message) {
        super(message, null);
    }

    public InsightsAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
