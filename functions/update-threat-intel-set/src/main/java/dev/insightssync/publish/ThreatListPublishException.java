package dev.insightssync.publish;

/**
 * Base of the errors of the publishing step. The state machine matches the concrete class names
 * (Lambda reports them as the error type); this base lets the CLI handle them together.
 */
public abstract class ThreatListPublishException extends RuntimeException {

    protected ThreatListPublishException(String message) {
        super(message);
    }

    protected ThreatListPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
