package dev.insightssync.common.step;

import java.time.Instant;

/**
 * Output of the Authenticate step. It carries no token: the execution history is readable by
 * anyone with console access, so the fetch step requests its own token.
 *
 * @param authenticatedAt when Insights accepted the credentials
 * @param tokenExpiresAt  when the token that proved them expires
 */
public record AuthenticateOutput(Instant authenticatedAt, Instant tokenExpiresAt) {
}
