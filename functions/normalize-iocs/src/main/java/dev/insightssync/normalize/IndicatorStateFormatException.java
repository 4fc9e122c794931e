package dev.insightssync.normalize;

/** Raised when the stored indicator state exists but is not an {@link IndicatorState} document. */
public class IndicatorStateFormatException extends RuntimeException {

    public IndicatorStateFormatException(String location, Throwable cause) {
        super("Indicator state " + location + " is not a valid IndicatorState document. Replace it with the"
                + " runs/<executionName>/indicator-state.json of the last successful execution, or delete it to start"
                + " a new state (entries not in the next feed are then unlisted).", cause);
    }
}
