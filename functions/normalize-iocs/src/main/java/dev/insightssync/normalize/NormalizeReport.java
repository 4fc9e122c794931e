package dev.insightssync.normalize;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The run report stored at {@code runs/<executionName>/report.json}: what was read, what was
 * listed, what was dropped and why, and how the lists changed since the previous state.
 *
 * @param executionName       the run
 * @param runStartedAt        the run's start time
 * @param manifestKey         the manifest the IOCs were read from
 * @param campaigns           campaigns in the manifest
 * @param pagesRead           raw IOC pages read
 * @param iocsRead            IOC resources read
 * @param iocTypes            IOC resources by lower-case {@code type} attribute ({@code (missing)} when absent)
 * @param lists               per list ({@code ip}, {@code domain}): entries, capacity, cuts and changes
 * @param dropped             per reason: count and up to ten example raw values
 * @param cidrHostBitsCleared CIDR values whose host bits were set and cleared
 * @param state               how the indicator state was merged and aged
 */
public record NormalizeReport(
        String executionName,
        Instant runStartedAt,
        String manifestKey,
        int campaigns,
        int pagesRead,
        long iocsRead,
        Map<String, Long> iocTypes,
        Map<String, ListSummary> lists,
        Map<String, DropSummary> dropped,
        long cidrHostBitsCleared,
        StateSummary state) {

    /**
     * One list.
     *
     * @param entries         entries written to the list
     * @param capacity        the list's maximum
     * @param cutForCapacity  entries left out because the list was full
     * @param added           entries listed now but not in the previous state's list
     * @param removed         entries in the previous state's list but not listed now
     * @param addedExamples   up to ten added entries, ordered by value
     * @param removedExamples up to ten removed entries, ordered by value
     */
    public record ListSummary(int entries, int capacity, int cutForCapacity, int added, int removed,
                              List<String> addedExamples, List<String> removedExamples) {
    }

    /** Dropped IOCs of one reason: the count and up to ten raw values, in reading order. */
    public record DropSummary(long count, List<String> examples) {
    }

    /**
     * The state merge.
     *
     * @param previousStateKey      where the previous state was read from
     * @param previousStateFound    false on the first run
     * @param previousEntries       entries in the previous state
     * @param entries               entries in the new state, listed or not
     * @param expired               entries removed because no run saw them within the retention
     * @param removedByCurrentRules previous entries that the current rules or allowlists drop
     * @param retentionDays         the retention applied
     */
    public record StateSummary(String previousStateKey, boolean previousStateFound, int previousEntries, int entries,
                               int expired, int removedByCurrentRules, int retentionDays) {
    }
}
