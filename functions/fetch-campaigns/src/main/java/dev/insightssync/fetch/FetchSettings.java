package dev.insightssync.fetch;

import dev.insightssync.common.config.Settings;

/**
 * Settings of the fetch window.
 *
 * @param lookbackDays            days back from the run's start that a campaign's {@code updated-on}
 *                                may lie, unless the run's options set another value ({@code LOOKBACK_DAYS})
 * @param watermarkOverlapMinutes minutes before the watermark that an incremental window starts, so
 *                                a campaign updated while the previous run was fetching is not missed
 *                                ({@code WATERMARK_OVERLAP_MINUTES})
 */
public record FetchSettings(int lookbackDays, int watermarkOverlapMinutes) {

    public static final String LOOKBACK_DAYS = "LOOKBACK_DAYS";
    public static final String WATERMARK_OVERLAP_MINUTES = "WATERMARK_OVERLAP_MINUTES";
    public static final int MAX_LOOKBACK_DAYS = 3650;

    /** Reads the settings; the defaults are 30 days of lookback and 60 minutes of overlap. */
    public static FetchSettings from(Settings settings) {
        return new FetchSettings(
                settings.integer(LOOKBACK_DAYS, 30, 1, MAX_LOOKBACK_DAYS),
                settings.integer(WATERMARK_OVERLAP_MINUTES, 60, 0, 7 * 24 * 60));
    }
}
