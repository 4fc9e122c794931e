package dev.insightssync.common.insights;

import dev.insightssync.common.credentials.InsightsCredentials;

/** Creates an Insights client for a set of credentials; tests pass one with a recording sleeper. */
@FunctionalInterface
public interface InsightsClientFactory {

    /** Returns a new client, which has no token until its first request. */
    InsightsClient create(InsightsCredentials credentials);

    /** Returns the factory of clients with the given settings, the system clock and real waiting. */
    static InsightsClientFactory standard(InsightsSettings settings) {
        return credentials -> InsightsClient.builder(settings, credentials).build();
    }
}
