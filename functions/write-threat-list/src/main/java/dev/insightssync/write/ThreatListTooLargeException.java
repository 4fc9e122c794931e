package dev.insightssync.write;

/** Raised when a list file would exceed a GuardDuty limit; GuardDuty would reject it or leave it in ERROR. */
public class ThreatListTooLargeException extends RuntimeException {

    public ThreatListTooLargeException(String message) {
        super(message);
    }
}
