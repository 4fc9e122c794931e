package dev.insightssync.normalize;

/**
 * Result of normalizing one raw IOC: an entry for the IPv4 list, an entry for the domain list,
 * or a drop with its reason.
 *
 * @param kind            which of the three it is
 * @param entry           the list line, or null for a drop
 * @param reason          why it was dropped, or null for an entry
 * @param hostBitsCleared whether the entry is a CIDR whose host bits were set in the raw value
 */
public record IocOutcome(Kind kind, String entry, DropReason reason, boolean hostBitsCleared) {

    /** The three kinds of outcome. */
    public enum Kind { IP, DOMAIN, DROP }

    private static final IocOutcome[] DROPS = new IocOutcome[DropReason.values().length];

    static {
        for (DropReason reason : DropReason.values()) {
            DROPS[reason.ordinal()] = new IocOutcome(Kind.DROP, null, reason, false);
        }
    }

    /** Returns an IPv4 list entry. */
    public static IocOutcome ip(String entry) {
        return new IocOutcome(Kind.IP, entry, null, false);
    }

    /** Returns an IPv4 list entry for a CIDR, noting whether host bits were cleared. */
    public static IocOutcome ip(String entry, boolean hostBitsCleared) {
        return new IocOutcome(Kind.IP, entry, null, hostBitsCleared);
    }

    /** Returns a domain list entry. */
    public static IocOutcome domain(String entry) {
        return new IocOutcome(Kind.DOMAIN, entry, null, false);
    }

    /** Returns the shared drop outcome for a reason. */
    public static IocOutcome drop(DropReason reason) {
        return DROPS[reason.ordinal()];
    }

    public boolean isDrop() {
        return kind == Kind.DROP;
    }
}
