package dev.insightssync.common.step;

import java.util.Map;

/**
 * Output of the NormalizeIocs step.
 *
 * @param ipEntries     entries for the IPv4 list
 * @param domainEntries entries for the domain list
 * @param dropped       IOCs not published, counted by reason (for example {@code non-public-address})
 * @param indicatorsKey artifact key of the {@link IndicatorSet}
 */
public record NormalizeIocsOutput(int ipEntries, int domainEntries, Map<String, Long> dropped, String indicatorsKey) {
}
