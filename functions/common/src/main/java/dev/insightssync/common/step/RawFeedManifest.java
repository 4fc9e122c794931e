package dev.insightssync.common.step;

import java.time.Instant;
import java.util.List;

/**
 * Index of the raw Insights responses stored by the fetch step. The pages themselves stay as
 * the API returned them; this manifest records which campaign each IOC page belongs to.
 *
 * @param fetchedAt   when the fetch started
 * @param windowStart the earliest {@code updated-on} accepted
 * @param campaigns   the campaigns in the window, in the order the API listed them
 */
public record RawFeedManifest(Instant fetchedAt, Instant windowStart, List<CampaignPages> campaigns) {

    /**
     * One campaign in the window and the keys of its raw IOC pages.
     *
     * @param id            campaign id
     * @param name          campaign name, or null when the API gave none
     * @param threatLevelId 1 high, 2 medium, 3 low; null when the API gave none
     * @param updatedOn     the campaign's {@code updated-on}
     * @param iocCount      IOC resources across all pages
     * @param iocPageKeys   artifact keys of the raw IOC pages, in page order
     */
    public record CampaignPages(
            String id,
            String name,
            Integer threatLevelId,
            Instant updatedOn,
            long iocCount,
            List<String> iocPageKeys) {
    }
}
