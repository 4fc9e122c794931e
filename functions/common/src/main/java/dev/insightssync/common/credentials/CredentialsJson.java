package dev.insightssync.common.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;

/** Parses the credentials JSON shared by the Secrets Manager secret and the CLI's credentials file. */
final class CredentialsJson {

    static final String API_KEY = "mv_api_key";
    static final String CLIENT_ID = "mv_client_id";
    static final String CLIENT_SECRET = "mv_secret";

    private CredentialsJson() {
    }

    /**
     * Parses {@code {"mv_api_key": ..., "mv_client_id": ..., "mv_secret": ...}}.
     *
     * @param text   the JSON text
     * @param source where the text came from (secret ARN or file path), for the error message
     */
    static InsightsCredentials parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // The parser's own message may quote the text, which is secret, so it is not passed on.
            throw new InvalidCredentialsException("Invalid Insights credentials in " + source
                    + ": the value is not JSON. Store a JSON object with the keys "
                    + API_KEY + ", " + CLIENT_ID + " and " + CLIENT_SECRET + ".");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCredentialsException("Invalid Insights credentials in " + source
                    + ": the value is not a JSON object. Store a JSON object with the keys "
                    + API_KEY + ", " + CLIENT_ID + " and " + CLIENT_SECRET + ".");
        }
        return new InsightsCredentials(
                field(root, API_KEY, source),
                field(root, CLIENT_ID, source),
                field(root, CLIENT_SECRET, source));
    }

    private static String field(JsonNode root, String key, String source) {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidCredentialsException("Missing or empty Insights credential " + key + " in " + source
                    + ": the key needs a non-empty string value.");
        }
        return value.asText().trim();
    }
}
