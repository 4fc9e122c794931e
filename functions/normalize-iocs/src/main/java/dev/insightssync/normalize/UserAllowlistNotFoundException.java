package dev.insightssync.normalize;

/**
 * Raised when the configured user allowlist does not exist. The run stops rather than publish
 * lists without the user's exclusions.
 */
public class UserAllowlistNotFoundException extends RuntimeException {

    public UserAllowlistNotFoundException(String location) {
        super("User allowlist not found: " + location
                + ". Upload it, or clear USER_ALLOWLIST_KEY (CLI: the allowlist option) to run without one.");
    }
}
