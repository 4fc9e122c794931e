package dev.insightssync.common.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The attributes of a campaign resource that the sync uses. Every attribute may be missing or
 * null in the API response, so every field except {@code id} may be null.
 *
 * @param id            campaign id
 * @param name          {@code name}
 * @param threatLevelId {@code threat-level-id}: 1 high, 2 medium, 3 low
 * @param updatedOn     {@code updated-on}, or null when missing or not a date-time
 */
public record InsightsCampaign(String id, String name, Integer threatLevelId, Instant updatedOn) {

    /**
     * Reads a campaign from one element of a listing's {@code data} array.
     *
     * @throws IllegalArgumentException when the resource has no {@code id}
     */
    public static InsightsCampaign from(JsonNode resource) {
        String id = text(resource.get("id"));
        if (id == null) {
            throw new IllegalArgumentException("campaign resource without an id");
        }
        JsonNode attributes = resource.path("attributes");
        Integer threatLevelId = integer(attributes.get("threat-level-id"));
        Instant updatedOn = InsightsTimestamps.parse(text(attributes.get("updated-on"))).orElse(null);
        return new InsightsCampaign(id, text(attributes.get("name")), threatLevelId, updatedOn);
    }

    private static Integer integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().trim().matches("\\d{1,9}")) {
            return Integer.valueOf(node.asText().trim());
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }
}
