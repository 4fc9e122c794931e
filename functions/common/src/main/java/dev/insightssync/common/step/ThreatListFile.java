package dev.insightssync.common.step;

/**
 * A list file written to the artifact store.
 *
 * @param key      artifact key; it contains the SHA-256 of the content, so new content gets a new key
 * @param location the location to give GuardDuty ({@code s3://bucket/key}, or a local path in the CLI)
 * @param sha256   lower-case hex SHA-256 of the file's bytes
 * @param entries  number of lines
 * @param bytes    file size in bytes
 */
public record ThreatListFile(String key, String location, String sha256, int entries, long bytes) {
}
