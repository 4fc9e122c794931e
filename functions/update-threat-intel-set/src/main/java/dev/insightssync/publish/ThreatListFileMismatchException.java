package dev.insightssync.publish;

/** Raised when the list file in the artifact store does not match the hash and size that WriteThreatList reported. */
public class ThreatListFileMismatchException extends ThreatListPublishException {

    public ThreatListFileMismatchException(String message) {
        super(message);
    }

    public ThreatListFileMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
