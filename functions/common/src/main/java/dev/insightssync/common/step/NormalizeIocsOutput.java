package dev.insightssync.common.step;

import java.util.Map;

/**
 * Output of the NormalizeIocs step.
 *
 * @param ipEntries      entries for the IPv4 list
 * @param domainEntries  entries for the domain list
 * @param dropped        IOCs not published, counted by reason (for example {@code non-public-address});
 *                       {@code over-capacity} counts list entries cut because a list was full
 * @param indicatorsKey  artifact key of the {@link IndicatorSet}
 * @param reportKey      artifact key of the run report ({@code runs/<executionName>/report.json})
 * @param stateKey       artifact key of the merged indicator state written by this run
 *                       ({@code runs/<executionName>/indicator-state.json}); copy it to
 *                       {@code state/indicators.json} only after the whole execution succeeded
 * @param cutForCapacity entries left out of both lists because they exceeded a list's capacity
 */
public record NormalizeIocsOutput(
        int ipEntries,
        int domainEntries,
        Map<String, Long> dropped,
        String indicatorsKey,
        String reportKey,
        String stateKey,
        int cutForCapacity) {

    /** Creates an output without report and state keys, for callers written before they existed. */
    public NormalizeIocsOutput(int ipEntries, int domainEntries, Map<String, Long> dropped, String indicatorsKey) {
        this(ipEntries, domainEntries, dropped, indicatorsKey, null, null, 0);
    }
}
