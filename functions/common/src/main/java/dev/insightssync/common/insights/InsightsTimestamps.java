package dev.insightssync.common.insights;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses Insights timestamps, which appear with and without fractional seconds and with
 * {@code Z} or a numeric offset ({@code 2026-11-28T13:02:55.120+00:00}).
 */
public final class InsightsTimestamps {

    private InsightsTimestamps() {
    }

    /**
     * Returns the instant, or empty when the text is null, blank or not an ISO-8601 date-time.
     * A date-time without an offset is read as UTC.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException invalid) {
                return Optional.empty();
            }
        }
    }
}
