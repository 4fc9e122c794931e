package dev.insightssync.publish;

import java.util.Set;

/**
 * A threat list as GuardDuty describes it.
 *
 * @param id       ThreatIntelSet or ThreatEntitySet id
 * @param name     list name
 * @param format   file format, for example {@code TXT}
 * @param location the location GuardDuty reads the list from
 * @param status   {@code INACTIVE}, {@code ACTIVATING}, {@code ACTIVE}, {@code DEACTIVATING}, {@code ERROR},
 *                 {@code DELETE_PENDING} or {@code DELETED}
 */
public record ExistingThreatList(String id, String name, String format, String location, String status) {

    /** Statuses in which GuardDuty allows no action on a list. */
    private static final Set<String> BUSY = Set.of("ACTIVATING", "DEACTIVATING", "DELETE_PENDING");

    /** Returns whether GuardDuty currently rejects changes to the list. */
    public boolean busy() {
        return BUSY.contains(status);
    }

    /** Returns whether the list is deleted, so it no longer counts as existing. */
    public boolean deleted() {
        return "DELETED".equals(status);
    }
}
