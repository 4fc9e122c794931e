package dev.insightssync.common.step;

import java.time.Instant;
import java.util.List;

/**
 * The normalized, deduplicated indicators of one run, as stored by NormalizeIocs and read by
 * WriteThreatList.
 *
 * @param ip     IPv4 addresses and CIDR ranges
 * @param domain domain names, possibly with a leading {@code *.} wildcard
 */
public record IndicatorSet(List<Indicator> ip, List<Indicator> domain) {

    /**
     * One list entry and where it came from.
     *
     * @param value     the exact line to write into the list file
     * @param campaigns every campaign that published it
     * @param firstSeen earliest IOC {@code created-on} seen for it, or null when none was given
     * @param lastSeen  latest campaign {@code updated-on} that contained it
     * @param lethality highest IOC lethality seen for it, or null when none was given
     */
    public record Indicator(
            String value,
            List<CampaignRef> campaigns,
            Instant firstSeen,
            Instant lastSeen,
            Integer lethality) {
    }

    /** A campaign that published an indicator. */
    public record CampaignRef(String id, String name, Integer threatLevelId) {
    }
}
