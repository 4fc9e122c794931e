package dev.insightssync.publish;

/**
 * Marks a list file that no list points at any more, so that the bucket's lifecycle rule can
 * expire it after the retention period. List files live under content-addressed keys that are
 * never overwritten, so without the mark they would stay forever.
 */
public interface SupersededListMarker {

    /** The marker that marks nothing, for local runs whose files are not in S3. */
    SupersededListMarker NONE = key -> {
    };

    /** Marks the list file at {@code key} in the artifact bucket as superseded. */
    void markSuperseded(String key);
}
