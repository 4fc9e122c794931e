package dev.insightssync.common.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Object storage for a run's artifacts, addressed by slash-separated keys: the S3 bucket in AWS,
 * a local folder laid out the same way in the CLI.
 */
public interface ArtifactStore {

    /** Stores {@code content} under {@code key}, replacing any object already there. */
    void put(String key, byte[] content, String contentType);

    /**
     * Opens the object at {@code key} for reading.
     *
     * @throws ArtifactNotFoundException when no object exists at {@code key}
     */
    InputStream open(String key) throws IOException;

    /** Returns the object's bytes, or empty when no object exists at {@code key}. */
    Optional<byte[]> read(String key);

    /** Returns whether an object exists at {@code key}. */
    boolean exists(String key);

    /** Returns where the object at {@code key} lives, as GuardDuty or a person would name it. */
    String locationOf(String key);
}
