package dev.insightssync.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the calls that would change GuardDuty instead of making them. Reads change nothing, so
 * they go to a real gateway when one is given. Without one, the account is assumed to have a
 * detector and no lists yet.
 */
final class DryRunGuardDutyGateway implements GuardDutyGateway {

    /** Stands for the detector id when no account is reachable. */
    static final String UNKNOWN_DETECTOR = "<detector>";
    /** Stands for the Region when no account is reachable and none was asked for. */
    static final String DEFAULT_REGION = "<default region>";

    private final GuardDutyGateway reads;
    private final String region;
    private final List<String> plannedCalls = new ArrayList<>();

    /**
     * Creates a dry-run gateway.
     *
     * @param reads  the gateway to read state through, or null to assume an empty account
     * @param region the Region asked for, or null for the default one
     */
    DryRunGuardDutyGateway(GuardDutyGateway reads, String region) {
        this.reads = reads;
        if (reads != null) {
            this.region = reads.region();
        } else {
            this.region = region != null ? region : DEFAULT_REGION;
        }
    }

    /** Returns the mutating calls recorded so far, one line each. */
    List<String> plannedCalls() {
        return List.copyOf(plannedCalls);
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String resolveDetector(String configuredId) {
        if (reads != null) {
            return reads.resolveDetector(configuredId);
        }
        return configuredId != null ? configuredId : UNKNOWN_DETECTOR;
    }

    @Override
    public Optional<ExistingThreatList> find(ThreatListType type, String detectorId, String name) {
        return reads != null ? reads.find(type, detectorId, name) : Optional.empty();
    }

    @Override
    public String create(ThreatListType type, String detectorId, String name, String location, String clientToken) {
        plannedCalls.add("Create" + type.apiName() + " region=" + region + " detectorId=" + detectorId
                + " name=" + name + " format=TXT location=" + location + " activate=true");
        return null;
    }

    @Override
    public void update(ThreatListType type, String detectorId, String setId, String location) {
        plannedCalls.add("Update" + type.apiName() + " region=" + region + " detectorId=" + detectorId
                + " " + type.idParameter() + "=" + setId + " location=" + location + " activate=true");
    }

    /** Returns the real status when an account is reachable, and otherwise ACTIVE, because the dry run created nothing to wait for. */
    @Override
    public String status(ThreatListType type, String detectorId, String setId) {
        return reads != null && setId != null ? reads.status(type, detectorId, setId) : "ACTIVE";
    }
}
