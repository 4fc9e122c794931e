package dev.insightssync.common.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Computes the wait before the next attempt: exponential backoff with full jitter, or {@code Retry-After}. */
final class RetryDelays {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier jitter;
    private final Clock clock;

    /**
     * @param jitter returns a value in [0, 1); the delay is that fraction of the exponential bound
     */
    RetryDelays(Duration base, Duration max, DoubleSupplier jitter, Clock clock) {
        this.base = base;
        this.max = max;
        this.jitter = jitter;
        this.clock = clock;
    }

    /** Returns the backoff after the given failed attempt (1 for the first): random in [0, min(max, base * 2^(attempt-1))). */
    Duration backoff(int failedAttempt) {
        long bound = base.toMillis() << Math.min(failedAttempt - 1, 30);
        long capped = Math.min(max.toMillis(), bound < 0 ? Long.MAX_VALUE : bound);
        return Duration.ofMillis((long) (jitter.getAsDouble() * capped));
    }

    /**
     * Parses a {@code Retry-After} header: delay seconds, or an HTTP date (RFC 9110), which counts
     * from this delays' clock. A date in the past gives zero.
     */
    Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
