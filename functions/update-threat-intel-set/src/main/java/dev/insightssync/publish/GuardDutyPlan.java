package dev.insightssync.publish;

import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import java.util.List;

/**
 * The outcome of a dry run.
 *
 * @param calls   the GuardDuty calls that would change something, one readable line each, in order
 * @param outcome the step output the real run would return; ids of lists it would create are null
 */
public record GuardDutyPlan(List<String> calls, UpdateThreatIntelSetOutput outcome) {
}
