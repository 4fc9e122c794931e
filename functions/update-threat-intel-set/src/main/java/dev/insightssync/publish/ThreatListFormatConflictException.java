package dev.insightssync.publish;

/** Raised when a list of the configured name exists with a format other than TXT, which cannot be changed. */
public class ThreatListFormatConflictException extends ThreatListPublishException {

    public ThreatListFormatConflictException(String message) {
        super(message);
    }

    public ThreatListFormatConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
