package dev.insightssync.common.step;

/**
 * Input of the UpdateThreatIntelSet step: the run, the list files to publish and where.
 *
 * @param run        the run
 * @param ipList     the IPv4 list file, published as a ThreatIntelSet
 * @param domainList the domain list file, published as a ThreatEntitySet; null publishes none
 * @param region     the AWS Region whose detector receives the lists; null means the function's own
 *                   Region (the state machine's Map state sets one per iteration)
 * @param detectorId the detector to use in that Region; null means the {@code DETECTOR_ID} setting,
 *                   or else the Region's only detector
 */
public record UpdateThreatIntelSetInput(
        RunContext run,
        ThreatListFile ipList,
        ThreatListFile domainList,
        String region,
        String detectorId) implements StepInput {

    /** Returns an input for the function's own Region and the configured or only detector. */
    public UpdateThreatIntelSetInput(RunContext run, ThreatListFile ipList, ThreatListFile domainList) {
        this(run, ipList, domainList, null, null);
    }
}
