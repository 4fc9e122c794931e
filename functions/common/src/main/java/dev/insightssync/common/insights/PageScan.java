package dev.insightssync.common.insights;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The facts paging needs from a JSON:API page, read with the streaming parser: building a tree
 * of every IOC page would cost more time and memory than the download itself.
 *
 * @param size the number of elements of {@code data}
 * @param next the {@code links.next} URL, or null when it is null or missing
 */
record PageScan(int size, String next) {

    /**
     * Scans a whole page body, so that a truncated or malformed document fails here.
     *
     * @throws InsightsResponseException when the body is not a JSON object with a {@code data} array
     */
    static PageScan of(byte[] body, URI url) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(url, "the body (" + body.length + " bytes) is not a JSON object" + htmlHint(body)
                        + ". A proxy or an outage page may have responded, so retry later.", null);
            }
            int size = -1;
            String next = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field) && value == JsonToken.START_ARRAY) {
                    size = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        size++;
                    }
                } else if ("links".equals(field) && value == JsonToken.START_OBJECT) {
                    next = readNext(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw invalid(url, "the body (" + body.length + " bytes) has content after the JSON document.", null);
            }
            if (size < 0) {
                throw invalid(url, "the JSON document has no 'data' array. Check that " + InsightsSettings.API_URL
                        + " points at the Insights API.", null);
            }
            return new PageScan(size, next);
        } catch (JsonProcessingException e) {
            throw invalid(url, "the body (" + body.length + " bytes) is not valid JSON" + htmlHint(body)
                    + ". A proxy or an outage page may have responded, so retry later.", e);
        } catch (IOException e) {
            throw invalid(url, "failed to read the body: " + e.getMessage() + ".", e);
        }
    }

    /**
     * Returns {@code links.next} when the {@code links} member comes before {@code data}, as in
     * Insights responses, reading only the start of the body. Returns empty when {@code data}
     * comes first, the link is null, or the start is not valid JSON: {@link #of} decides then.
     */
    static Optional<String> peekNext(byte[] body) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field)) {
                    return Optional.empty();
                }
                if ("links".equals(field) && value == JsonToken.START_OBJECT) {
                    return Optional.ofNullable(readNext(parser));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readNext(JsonParser parser) throws IOException {
        String next = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("next".equals(field) && value == JsonToken.VALUE_STRING) {
                next = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return next;
    }

    /** Returns a hint when the body starts like markup, without quoting the body. */
    static String htmlHint(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).trim();
        return start.startsWith("<") ? " but an HTML page" : "";
    }

    private static InsightsResponseException invalid(URI url, String problem, Exception cause) {
        return new InsightsResponseException("Invalid Insights response from " + InsightsUrls.describe(url) + ": "
                + problem, cause);
    }
}
