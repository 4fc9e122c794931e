package dev.insightssync.common.step;

import java.time.Instant;

/**
 * Output of the FetchCampaigns step: counts and the key of the manifest that lists every raw
 * page stored for this run.
 *
 * @param campaigns   campaigns whose {@code updated-on} lies in the window
 * @param iocsFetched IOC resources fetched across those campaigns
 * @param windowStart the earliest {@code updated-on} accepted
 * @param manifestKey artifact key of the {@link RawFeedManifest}
 */
public record FetchCampaignsOutput(int campaigns, long iocsFetched, Instant windowStart, String manifestKey) {
}
