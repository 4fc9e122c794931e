package dev.insightssync.publish;

/** Raised instead of replacing a non-empty list with an empty one, which would silently remove all protection. */
public class EmptyThreatListException extends ThreatListPublishException {

    public EmptyThreatListException(String message) {
        super(message);
    }

    public EmptyThreatListException(String message, Throwable cause) {
        super(message, cause);
    }
}
