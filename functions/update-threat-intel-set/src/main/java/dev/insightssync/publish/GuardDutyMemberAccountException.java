package dev.insightssync.publish;

/** Raised when the account is a GuardDuty member account, which cannot manage threat lists. */
public class GuardDutyMemberAccountException extends ThreatListPublishException {

    public GuardDutyMemberAccountException(String message) {
        super(message);
    }

    public GuardDutyMemberAccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
