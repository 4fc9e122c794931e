package dev.insightssync.publish;

import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.store.ArtifactStore;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * Works out the GuardDuty calls that publishing would make, without making any call that
 * changes something. The CLI prints them in its dry run.
 *
 * <p>With a client it reads the real state ({@code ListDetectors}, {@code GetDetector},
 * {@code List/GetThreatIntelSet}, {@code List/GetThreatEntitySet} change nothing) and applies
 * every guard, so the plan (or the error) is exactly what a real run would do. Without a
 * client it assumes an account with one detector and no lists yet, so the plan creates both.
 * Lines look like {@code CreateThreatIntelSet region=eu-west-1 detectorId=<detector>
 * name=insights-ip-threat-list format=TXT location=s3://bucket/lists/ip/<sha256>.txt activate=true}.
 */
public final class GuardDutyPlanner {

    private final GuardDutyGateway reads;
    private final ArtifactStore store;
    private final PublishSettings settings;

    private GuardDutyPlanner(GuardDutyGateway reads, ArtifactStore store, PublishSettings settings) {
        this.reads = reads;
        this.store = store;
        this.settings = settings;
    }

    /** Returns a planner for when no AWS account is reachable: it assumes no list exists yet. */
    public static GuardDutyPlanner withoutAccount(ArtifactStore store, PublishSettings settings) {
        return new GuardDutyPlanner(null, store, settings);
    }

    /** Returns a planner that reads the current state through {@code guardDuty} (read-only calls). */
    public static GuardDutyPlanner reading(GuardDutyClient guardDuty, ArtifactStore store, PublishSettings settings) {
        return new GuardDutyPlanner(new SdkGuardDutyGateway(guardDuty), store, settings);
    }

    /**
     * Returns the calls that publishing {@code input} would make and the output it would return.
     *
     * @throws ThreatListPublishException when a real run would fail, for the same reason
     */
    public GuardDutyPlan plan(UpdateThreatIntelSetInput input) {
        DryRunGuardDutyGateway dryRun = new DryRunGuardDutyGateway(reads, input.region());
        var outcome = new GuardDutyPublisher(region -> dryRun, store, settings).publish(input);
        return new GuardDutyPlan(dryRun.plannedCalls(), outcome);
    }
}
