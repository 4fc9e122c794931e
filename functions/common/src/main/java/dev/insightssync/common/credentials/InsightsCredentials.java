package dev.insightssync.common.credentials;

import java.util.Objects;

/**
 * The three values of an Insights API client, as stored in the Secrets Manager secret under the
 * keys {@code mv_api_key}, {@code mv_client_id} and {@code mv_secret}.
 *
 * @param apiKey       API key, sent as {@code x-api-key} on every request
 * @param clientId     OAuth client id, the user name of HTTP Basic authentication at the token endpoint
 * @param clientSecret OAuth client secret, the password of that authentication
 */
public record InsightsCredentials(String apiKey, String clientId, String clientSecret) {

    public InsightsCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** Returns a description without any of the three values, so logging the record leaks nothing. */
    @Override
    public String toString() {
        return "InsightsCredentials[apiKey=<redacted>, clientId=<redacted>, clientSecret=<redacted>]";
    }
}
