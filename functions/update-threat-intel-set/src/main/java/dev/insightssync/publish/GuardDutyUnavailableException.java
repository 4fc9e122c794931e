package dev.insightssync.publish;

/** Raised when GuardDuty fails with a server error (HTTP 5xx) or cannot be reached; retry later. */
public class GuardDutyUnavailableException extends ThreatListPublishException {

    public GuardDutyUnavailableException(String message) {
        super(message);
    }

    public GuardDutyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
