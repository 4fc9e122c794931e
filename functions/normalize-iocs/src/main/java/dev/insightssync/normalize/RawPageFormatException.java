package dev.insightssync.normalize;

/** Raised when a stored raw IOC page or the manifest is not the JSON document the fetch step writes. */
public class RawPageFormatException extends RuntimeException {

    public RawPageFormatException(String location, String problem, Throwable cause) {
        super("Raw artifact " + location + " cannot be read: " + problem
                + ". The fetch step stores Insights responses unchanged; start a new execution to fetch them again.", cause);
    }
}
