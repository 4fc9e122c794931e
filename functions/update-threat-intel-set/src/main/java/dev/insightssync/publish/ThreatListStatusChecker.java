package dev.insightssync.publish;

import dev.insightssync.common.lambda.InvalidStepInputException;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the status of the lists that UpdateThreatIntelSet left activating, in the Region it
 * published to. The state machine calls it once a minute until the lists are active. A Lambda
 * reads the status because the state machine's own GuardDuty integration reaches only its own
 * Region.
 */
public final class ThreatListStatusChecker {

    private static final Logger LOG = LoggerFactory.getLogger(ThreatListStatusChecker.class);

    private final Function<String, GuardDutyGateway> gateways;

    /**
     * Creates a checker.
     *
     * @param gateways gives the gateway of a Region
     */
    public ThreatListStatusChecker(Function<String, GuardDutyGateway> gateways) {
        this.gateways = gateways;
    }

    /** Returns the statuses of the awaited lists of {@code input} and what they mean together. */
    public ThreatListStatusOutput check(ThreatListStatusInput input) {
        UpdateThreatIntelSetOutput publish = input.publish();
        if (publish == null || publish.region() == null || publish.detectorId() == null) {
            throw new InvalidStepInputException("ThreatListStatusInput is missing 'publish', 'publish.region' or"
                    + " 'publish.detectorId'. Pass the output of UpdateThreatIntelSet in the state's Parameters.", null);
        }
        GuardDutyGateway gateway = gateways.apply(publish.region());
        String ip = statusOf(gateway, publish.detectorId(), ThreatListType.THREAT_INTEL_SET, publish.ipList());
        String domain = statusOf(gateway, publish.detectorId(), ThreatListType.THREAT_ENTITY_SET, publish.domainList());
        ThreatListStatus outcome = combine(ip, domain);
        String domainErrorDetails = "ERROR".equals(domain)
                ? gateway.errorDetails(ThreatListType.THREAT_ENTITY_SET, publish.detectorId(), publish.domainList().setId())
                : null;
        LOG.info("Lists on detector {} in {}: IP list {}, domain list {}: {}", publish.detectorId(), publish.region(),
                ip, domain, outcome);
        return new ThreatListStatusOutput(publish.region(), publish.detectorId(), ip, domain, outcome, domainErrorDetails);
    }

    private static String statusOf(GuardDutyGateway gateway, String detectorId, ThreatListType type,
            PublishedThreatList list) {
        if (list == null || !list.awaitActivation() || list.setId() == null) {
            return null;
        }
        return gateway.status(type, detectorId, list.setId());
    }

    /** Returns FAILED if either list failed, WAIT if either still activates, and DONE otherwise. */
    private static ThreatListStatus combine(String ip, String domain) {
        ThreatListStatus ipMeaning = ip == null ? ThreatListStatus.DONE : ThreatListStatus.of(ip);
        ThreatListStatus domainMeaning = domain == null ? ThreatListStatus.DONE : ThreatListStatus.of(domain);
        if (ipMeaning == ThreatListStatus.FAILED || domainMeaning == ThreatListStatus.FAILED) {
            return ThreatListStatus.FAILED;
        }
        if (ipMeaning == ThreatListStatus.WAIT || domainMeaning == ThreatListStatus.WAIT) {
            return ThreatListStatus.WAIT;
        }
        return ThreatListStatus.DONE;
    }
}
