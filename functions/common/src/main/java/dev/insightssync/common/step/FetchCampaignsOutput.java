package dev.insightssync.common.step;

import java.time.Instant;

/**
 * Output of the FetchCampaigns step: counts and the key of the manifest that lists every raw
 * page stored for this run.
 *
 * @param campaigns           campaigns whose {@code updated-on} lies in the window
 * @param iocsFetched         IOC resources fetched across those campaigns
 * @param windowStart         the earliest {@code updated-on} accepted
 * @param manifestKey         artifact key of the {@link RawFeedManifest}
 * @param windowFromWatermark true when the window started at the committed watermark minus the
 *                            overlap, false when it covered the whole lookback
 * @param campaignPages       raw campaign listing pages stored
 * @param iocPages            raw IOC pages stored
 */
public record FetchCampaignsOutput(
        int campaigns,
        long iocsFetched,
        Instant windowStart,
        String manifestKey,
        boolean windowFromWatermark,
        int campaignPages,
        int iocPages) {

    /** Creates an output without the paging details, for callers that only know the counts. */
    public FetchCampaignsOutput(int campaigns, long iocsFetched, Instant windowStart, String manifestKey) {
        this(campaigns, iocsFetched, windowStart, manifestKey, false, 0, 0);
    }
}
