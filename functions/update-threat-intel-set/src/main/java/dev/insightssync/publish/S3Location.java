package dev.insightssync.publish;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 object named by one of the location forms GuardDuty accepts: {@code s3://bucket/key},
 * {@code https://s3.amazonaws.com/bucket/key}, {@code https://s3.<region>.amazonaws.com/bucket/key}
 * and {@code https://bucket.s3.amazonaws.com/key}. Comparing parsed locations, not strings, keeps
 * a list unchanged when GuardDuty reports its location in another of these forms.
 *
 * @param bucket bucket name
 * @param key    object key
 */
public record S3Location(String bucket, String key) {

    private static final Pattern PATH_STYLE_HOST = Pattern.compile("s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com");
    private static final Pattern VIRTUAL_HOST = Pattern.compile("(.+)\\.s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com");

    /** Returns the object a location names, or empty when it is not an S3 location of a known form. */
    public static Optional<S3Location> parse(String location) {
        if (location == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host == null) {
            return Optional.empty();
        }
        if ("s3".equals(uri.getScheme())) {
            return of(host, strip(path));
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.empty();
        }
        if (PATH_STYLE_HOST.matcher(host).matches()) {
            String bucketAndKey = strip(path);
            int slash = bucketAndKey.indexOf('/');
            return slash < 0 ? Optional.empty() : of(bucketAndKey.substring(0, slash), bucketAndKey.substring(slash + 1));
        }
        Matcher virtualHost = VIRTUAL_HOST.matcher(host);
        return virtualHost.matches() ? of(virtualHost.group(1), strip(path)) : Optional.empty();
    }

    /** Returns whether two locations name the same object (or are the same text, when not S3 locations). */
    public static boolean sameObject(String first, String second) {
        Optional<S3Location> a = parse(first);
        Optional<S3Location> b = parse(second);
        return a.isPresent() && b.isPresent() ? a.equals(b) : first != null && first.equals(second);
    }

    private static Optional<S3Location> of(String bucket, String key) {
        return bucket.isEmpty() || key.isEmpty() ? Optional.empty() : Optional.of(new S3Location(bucket, key));
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
