package dev.insightssync.publish;

/**
 * Output of the GetThreatListStatus state for one Region.
 *
 * @param region     the Region of the detector
 * @param detectorId the detector that contains the lists
 * @param ipList     the IPv4 list's GuardDuty status, or null when it is not awaited
 * @param domainList the domain list's GuardDuty status, or null when it is not awaited
 * @param outcome    {@code DONE} when every awaited list is {@code ACTIVE}, {@code FAILED} when one can
 *                   no longer turn active, otherwise {@code WAIT}
 * @param domainListErrorDetails GuardDuty's reason when the domain list is in {@code ERROR}, or null
 */
public record ThreatListStatusOutput(
        String region,
        String detectorId,
        String ipList,
        String domainList,
        ThreatListStatus outcome,
        String domainListErrorDetails) {

    /** Creates an output without error details. */
    public ThreatListStatusOutput(String region, String detectorId, String ipList, String domainList,
            ThreatListStatus outcome) {
        this(region, detectorId, ipList, domainList, outcome, null);
    }
}
