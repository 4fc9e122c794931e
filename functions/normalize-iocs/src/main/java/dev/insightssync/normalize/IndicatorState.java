package dev.insightssync.normalize;

import dev.insightssync.common.step.IndicatorSet.CampaignRef;
import java.time.Instant;
import java.util.List;

/**
 * Every indicator the sync still remembers, listed or not, as stored between runs in
 * {@code state/indicators.json}. Each run reads it, merges what it fetched and writes the result
 * to {@code runs/<executionName>/indicator-state.json}; the state machine (or the CLI) copies
 * that file back only after the whole execution succeeded.
 *
 * @param version       format version, {@value #CURRENT_VERSION}
 * @param runStartedAt  start time of the run that wrote it
 * @param executionName the run that wrote it
 * @param ip            IPv4 entries, ordered by value
 * @param domain        domain entries, ordered by value
 */
public record IndicatorState(int version, Instant runStartedAt, String executionName,
                             List<StoredIndicator> ip, List<StoredIndicator> domain) {

    public static final int CURRENT_VERSION = 1;

    /**
     * One remembered indicator.
     *
     * @param value        the list entry
     * @param campaigns    every campaign that published it, ordered by id
     * @param firstSeen    earliest IOC {@code created-on}, or null
     * @param lastSeen     latest {@code updated-on} of a campaign that contained it
     * @param lethality    highest lethality, or null
     * @param lastObserved start time of the last run that fetched it; retention counts from here
     * @param listed       whether the run that wrote the state put it into the list file
     */
    public record StoredIndicator(String value, List<CampaignRef> campaigns, Instant firstSeen, Instant lastSeen,
                                  Integer lethality, Instant lastObserved, boolean listed) {
    }
}
