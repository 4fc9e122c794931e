package dev.insightssync.publish;

/** Raised when the function's role lacks a permission that managing a threat list needs. */
public class GuardDutyAccessDeniedException extends ThreatListPublishException {

    public GuardDutyAccessDeniedException(String message) {
        super(message);
    }

    public GuardDutyAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
