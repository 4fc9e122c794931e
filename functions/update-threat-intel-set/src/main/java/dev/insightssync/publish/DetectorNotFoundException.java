package dev.insightssync.publish;

/** Raised when the configured detector does not exist, or the Region has no detector; retrying cannot help. */
public class DetectorNotFoundException extends ThreatListPublishException {

    public DetectorNotFoundException(String message) {
        super(message);
    }

    public DetectorNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
