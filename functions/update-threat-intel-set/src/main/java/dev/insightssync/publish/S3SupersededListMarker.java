package dev.insightssync.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Tags a superseded list file with {@value #TAG_KEY}={@value #TAG_VALUE}. The bucket's lifecycle
 * rule in template.yaml expires {@code lists/} objects with this tag after {@code ListRetentionDays}.
 */
public final class S3SupersededListMarker implements SupersededListMarker {

    /** Key of the object tag that the lifecycle rule filters on. */
    public static final String TAG_KEY = "insights-sync-status";
    /** Value of the object tag that the lifecycle rule filters on. */
    public static final String TAG_VALUE = "superseded";

    private static final Logger LOG = LoggerFactory.getLogger(S3SupersededListMarker.class);

    private final S3Client s3;
    private final String bucket;

    /** Creates a marker that tags objects of {@code bucket}. */
    public S3SupersededListMarker(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Tagging again is harmless, so a retry or redrive may repeat it. The list files carry no
     * other tags, so replacing the tag set loses nothing. A failure is logged and not raised: the
     * lists already point at their new files, and an untagged file is only kept longer.
     */
    @Override
    public void markSuperseded(String key) {
        try {
            s3.putObjectTagging(request -> request.bucket(bucket).key(key)
                    .tagging(tagging -> tagging.tagSet(Tag.builder().key(TAG_KEY).value(TAG_VALUE).build())));
            LOG.info("Tagged superseded list file {} with {}={}", key, TAG_KEY, TAG_VALUE);
        } catch (NoSuchKeyException e) {
            LOG.info("Superseded list file {} no longer exists; nothing to tag", key);
        } catch (S3Exception e) {
            LOG.warn("Failed to tag superseded list file {} in bucket {} ({} {}); it is kept until it is removed by"
                    + " hand. Check that the publish function may call s3:PutObjectTagging on lists/*.",
                    key, bucket, e.statusCode(), e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode());
        }
    }
}
