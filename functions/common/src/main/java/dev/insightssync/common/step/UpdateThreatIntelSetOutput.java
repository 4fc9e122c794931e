package dev.insightssync.common.step;

/**
 * Output of the UpdateThreatIntelSet step for one Region.
 *
 * <p>The state machine polls activation with {@code aws-sdk:guardduty:getThreatIntelSet}
 * ({@code DetectorId} = {@code detectorId}, {@code ThreatIntelSetId} = {@code ipList.setId}) and
 * {@code aws-sdk:guardduty:getThreatEntitySet} ({@code ThreatEntitySetId} = {@code domainList.setId})
 * while the matching {@code awaitActivation} is true.
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
