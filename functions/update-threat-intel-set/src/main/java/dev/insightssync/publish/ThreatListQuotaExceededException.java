package dev.insightssync.publish;

/** Raised when GuardDuty rejects a new list because the account has reached its threat list quota in the Region. */
public class ThreatListQuotaExceededException extends ThreatListPublishException {

    public ThreatListQuotaExceededException(String message) {
        super(message);
    }

    public ThreatListQuotaExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
