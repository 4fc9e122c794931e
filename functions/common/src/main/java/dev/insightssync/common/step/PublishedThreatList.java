package dev.insightssync.common.step;

/**
 * The result of the UpdateThreatIntelSet step for one list in one Region.
 *
 * @param setId           id of the ThreatIntelSet or ThreatEntitySet; null when {@code SKIPPED}, or
 *                        when a dry run planned a create
 * @param name            the list's name in GuardDuty
 * @param action          {@code CREATED}, {@code UPDATED}, {@code UNCHANGED} or {@code SKIPPED}
 * @param location        the location the list points at now (for {@code SKIPPED}, the file not published)
 * @param entries         entries in the file at {@code location}
 * @param previousEntries entries in the file the list pointed at before, or null when unknown or new
 * @param awaitActivation whether the list is activating, so the state machine must poll its status
 *                        until {@code ACTIVE} (or fail on {@code ERROR})
 */
public record PublishedThreatList(
        String setId,
        String name,
        String action,
        String location,
        int entries,
        Integer previousEntries,
        boolean awaitActivation) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String SKIPPED = "SKIPPED";
}
