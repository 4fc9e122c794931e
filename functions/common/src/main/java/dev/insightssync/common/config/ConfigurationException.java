package dev.insightssync.common.config;

/**
 * Raised when a setting is missing or invalid. Retrying cannot help, so the state machine routes
 * it straight to the failure notification; the message names the setting and the fix.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
