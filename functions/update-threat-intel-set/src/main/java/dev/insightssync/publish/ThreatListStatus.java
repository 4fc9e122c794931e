package dev.insightssync.publish;

/**
 * The meaning of a GuardDuty list status for a caller waiting for activation after a create or
 * update with {@code activate=true}.
 */
public enum ThreatListStatus {

    /** The list is {@code ACTIVE}: GuardDuty uses it. */
    DONE,

    /** The list is still {@code ACTIVATING} (up to 15 minutes, sometimes 40): ask again later. */
    WAIT,

    /** The list is in any other status ({@code ERROR}, {@code INACTIVE}, deleted): it protects nothing. */
    FAILED;

    /** Returns what a status reported by {@code GetThreatIntelSet} or {@code GetThreatEntitySet} means. */
    public static ThreatListStatus of(String status) {
        if ("ACTIVE".equals(status)) {
            return DONE;
        }
        return "ACTIVATING".equals(status) ? WAIT : FAILED;
    }
}
