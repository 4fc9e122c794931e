package dev.insightssync.normalize;

/** Raised when an allowlist file has a line that is not {@code <kind> <value> <reason>} with a valid value. */
public class AllowlistFormatException extends RuntimeException {

    public AllowlistFormatException(String source, int lineNumber, String problem) {
        super("Allowlist " + source + " line " + lineNumber + ": " + problem
                + ". Write one entry a line as '<ip|host|tree> <value> <reason>'; lines starting with # are comments.");
    }
}
