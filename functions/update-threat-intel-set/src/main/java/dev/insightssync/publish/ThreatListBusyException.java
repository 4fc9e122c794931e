package dev.insightssync.publish;

/** Raised when a list is activating, deactivating or being deleted, so GuardDuty allows no change; retry later. */
public class ThreatListBusyException extends ThreatListPublishException {

    public ThreatListBusyException(String message) {
        super(message);
    }

    public ThreatListBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
