package dev.insightssync.publish;

import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.StepInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;

/**
 * Input of the GetThreatListStatus state: the run and what UpdateThreatIntelSet did in one Region.
 *
 * @param run     the run
 * @param publish the UpdateThreatIntelSet output of that Region; its lists with {@code awaitActivation}
 *                set are read
 */
public record ThreatListStatusInput(RunContext run, UpdateThreatIntelSetOutput publish) implements StepInput {
}
