package dev.insightssync.fetch;

import dev.insightssync.common.lambda.InvalidStepInputException;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.store.WatermarkStore;
import dev.insightssync.common.store.WatermarkStore.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The earliest campaign {@code updated-on} a run accepts.
 *
 * @param start         the window start
 * @param fromWatermark true when it is the committed watermark minus the overlap
 */
record FetchWindow(Instant start, boolean fromWatermark) {

    /**
     * Chooses the window of a run. Without a watermark, or with {@code fullResync}, it is the
     * lookback before {@code startedAt}. With a watermark it is the watermark minus the overlap,
     * but never earlier than the lookback, so a sync resumed after a long pause fetches no more
     * than a full resync would.
     */
    static FetchWindow of(RunContext run, FetchSettings settings, WatermarkStore watermarks) {
        Integer requested = run.options().lookbackDays();
        if (requested != null && (requested < 1 || requested > FetchSettings.MAX_LOOKBACK_DAYS)) {
            throw new InvalidStepInputException("Invalid run option lookbackDays=" + requested
                    + ": expected a whole number from 1 to " + FetchSettings.MAX_LOOKBACK_DAYS + ".", null);
        }
        int lookbackDays = requested != null ? requested : settings.lookbackDays();
        Instant lookbackStart = run.startedAt().minus(Duration.ofDays(lookbackDays));
        if (run.options().fullResyncRequested()) {
            return new FetchWindow(lookbackStart, false);
        }
        Optional<Watermark> watermark = watermarks.read();
        if (watermark.isEmpty()) {
            return new FetchWindow(lookbackStart, false);
        }
        Instant incrementalStart = watermark.get().fetchStartedAt()
                .minus(Duration.ofMinutes(settings.watermarkOverlapMinutes()));
        if (incrementalStart.isBefore(lookbackStart)) {
            return new FetchWindow(lookbackStart, false);
        }
        return new FetchWindow(incrementalStart, true);
    }

    /** Returns whether a campaign updated at {@code updatedOn} belongs to the window. */
    boolean contains(Instant updatedOn) {
        return updatedOn != null && !updatedOn.isBefore(start);
    }
}
