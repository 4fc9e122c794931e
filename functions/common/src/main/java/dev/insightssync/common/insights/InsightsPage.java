package dev.insightssync.common.insights;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * One page of a listing, delivered while paging, so that a listing keeps at most two pages in
 * memory (this one and the next, when it is requested early).
 *
 * @param number 1 for the first page of the listing
 * @param url    the URL it was fetched from
 * @param body   the response body exactly as the API sent it, already checked to be a JSON:API
 *               document with a non-empty {@code data} array
 * @param size   the number of resources in {@code data}
 */
public record InsightsPage(int number, URI url, byte[] body, int size) {

    /**
     * Parses and returns the {@code data} array. The client only scans a page for its size and
     * {@code links.next}, so callers that need the resources pay for the tree here.
     */
    public JsonNode data() {
        try {
            return Json.mapper().readTree(body).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to parse a page that was checked before: " + url, e);
        }
    }
}
