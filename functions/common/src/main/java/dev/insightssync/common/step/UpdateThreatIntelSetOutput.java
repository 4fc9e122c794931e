package dev.insightssync.common.step;

/**
 * Output of the UpdateThreatIntelSet step for one Region.
 *
 * <p>While {@code awaitActivation} is true, the state machine passes this output to the
 * GetThreatListStatus function ({@code dev.insightssync.publish.ThreatListStatusHandler}) once a
 * minute. That function reads the lists whose own {@code awaitActivation} is true, in
 * {@code region}, until they are {@code ACTIVE}.
 *
 * @param region          the Region of the detector
 * @param detectorId      the GuardDuty detector that contains the lists
 * @param ipList          the IPv4 list, a ThreatIntelSet
 * @param domainList      the domain list, a ThreatEntitySet ({@code SKIPPED} when not published)
 * @param awaitActivation true when either list is activating
 */
public record UpdateThreatIntelSetOutput(
        String region,
        String detectorId,
        PublishedThreatList ipList,
        PublishedThreatList domainList,
        boolean awaitActivation) {
}
