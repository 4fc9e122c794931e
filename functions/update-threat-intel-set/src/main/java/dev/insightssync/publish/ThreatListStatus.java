package dev.insightssync.publish;

/**
 * The meaning of a GuardDuty list status for a caller waiting for activation after a create or
 * update with {@code activate=true}.
 */
public enum ThreatListStatus {

    /** The list is {@code ACTIVE}: GuardDuty uses it. */
    DONE,

    /**
     * The list is still {@code ACTIVATING} (up to 15 minutes, sometimes 40), or {@code INACTIVE} or
     * {@code DEACTIVATING} right after an update asked for activation: ask again until the caller's timeout.
     */
    WAIT,

    /** The list is in {@code ERROR}, {@code DELETE_PENDING} or {@code DELETED}: it never turns active. */
    FAILED;

    /** Returns what a status reported by {@code GetThreatIntelSet} or {@code GetThreatEntitySet} means. */
    public static ThreatListStatus of(String status) {
        if ("ACTIVE".equals(status)) {
            return DONE;
        }
        return switch (status == null ? "" : status) {
            case "ACTIVATING", "INACTIVE", "DEACTIVATING" -> WAIT;
            default -> FAILED;
        };
    }
}
