package dev.insightssync.publish;

/** Raised when GuardDuty rejects a threat list call for a reason this step does not recognise; retrying cannot help. */
public class GuardDutyRequestException extends ThreatListPublishException {

    public GuardDutyRequestException(String message) {
        super(message);
    }

    public GuardDutyRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
