package dev.insightssync.publish;

/** Raised when GuardDuty throttles a call (HTTP 429); retry later. */
public class GuardDutyThrottledException extends ThreatListPublishException {

    public GuardDutyThrottledException(String message) {
        super(message);
    }

    public GuardDutyThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
