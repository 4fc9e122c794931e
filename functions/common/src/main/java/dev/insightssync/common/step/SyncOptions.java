package dev.insightssync.common.step;

/**
 * Per-execution options, taken from the execution input (or the CLI); every field may be null,
 * which means "use the configured default".
 *
 * @param lookbackDays how many days back a campaign's {@code updated-on} may lie
 * @param fullResync   ignore the stored watermark and fetch the whole lookback window
 * @param allowShrink  publish a list even if it shrank by more than the configured fraction
 */
public record SyncOptions(Integer lookbackDays, Boolean fullResync, Boolean allowShrink) {

    public static SyncOptions defaults() {
        return new SyncOptions(null, null, null);
    }

    public boolean fullResyncRequested() {
        return Boolean.TRUE.equals(fullResync);
    }

    public boolean shrinkAllowed() {
        return Boolean.TRUE.equals(allowShrink);
    }
}
