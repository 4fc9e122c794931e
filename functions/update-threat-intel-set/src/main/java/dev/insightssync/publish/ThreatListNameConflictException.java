package dev.insightssync.publish;

/** Raised when GuardDuty reports the configured list name as taken although no list of that kind has it. */
public class ThreatListNameConflictException extends ThreatListPublishException {

    public ThreatListNameConflictException(String message) {
        super(message);
    }

    public ThreatListNameConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
