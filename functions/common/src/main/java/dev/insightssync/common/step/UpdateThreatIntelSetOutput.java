package dev.insightssync.common.step;

/**
 * Output of the UpdateThreatIntelSet step.
 *
 * @param detectorId       the GuardDuty detector that holds the list
 * @param threatIntelSetId id of the ThreatIntelSet
 * @param action           what was done: {@code CREATED}, {@code UPDATED} or {@code UNCHANGED}
 * @param location         the location the ThreatIntelSet now points at
 */
public record UpdateThreatIntelSetOutput(String detectorId, String threatIntelSetId, String action, String location) {
}
