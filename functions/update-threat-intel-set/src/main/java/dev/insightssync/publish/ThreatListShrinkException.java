package dev.insightssync.publish;

/** Raised when a list would shrink by more than the allowed fraction, which usually means an upstream failure. */
public class ThreatListShrinkException extends ThreatListPublishException {

    public ThreatListShrinkException(String message) {
        super(message);
    }

    public ThreatListShrinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
