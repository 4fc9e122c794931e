package dev.insightssync.publish;

/** Raised when the Region has several detectors and {@code DETECTOR_ID} does not name the one to use. */
public class MultipleDetectorsException extends ThreatListPublishException {

    public MultipleDetectorsException(String message) {
        super(message);
    }

    public MultipleDetectorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
