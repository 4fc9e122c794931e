package dev.insightssync.write;

/**
 * Raised when an indicator cannot be written as a GuardDuty list line. NormalizeIocs should never
 * produce one, so this means a defect upstream or a hand-edited artifact; retrying cannot help.
 */
public class InvalidThreatListEntryException extends RuntimeException {

    public InvalidThreatListEntryException(String message) {
        super(message);
    }
}
