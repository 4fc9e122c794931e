package dev.insightssync.common.insights;

import java.time.Instant;

/**
 * An OAuth access token and when it expires.
 *
 * @param value     the bearer token
 * @param expiresAt the issue time plus {@code expires_in}
 */
public record AccessToken(String value, Instant expiresAt) {

    /** Returns whether the token expires within {@code marginSeconds} of {@code now}. */
    public boolean expiresWithin(Instant now, long marginSeconds) {
        return !now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    /** Returns a description without the token value. */
    @Override
    public String toString() {
        return "AccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
