package dev.insightssync.common.credentials;

import dev.insightssync.common.config.ConfigurationException;

/**
 * Raised when the stored credentials are not a JSON object with the three expected keys. Retrying
 * cannot help. The message names the source and the key, never a value.
 */
public class InvalidCredentialsException extends ConfigurationException {

    public InvalidCredentialsException(String message) {
        super(message);
    }
}
