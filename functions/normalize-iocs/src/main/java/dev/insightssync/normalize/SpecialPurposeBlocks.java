package dev.insightssync.normalize;

/**
 * The IPv4 ranges that never produce GuardDuty findings because they are not globally
 * reachable: the blocks of the IANA IPv4 Special-Purpose Address Registry whose
 * "Globally Reachable" flag is False (registry as of 2024, RFC 6890 and its updates), plus
 * multicast 224.0.0.0/4 and the deprecated 6to4 relay anycast block 192.88.99.0/24 (RFC 7526).
 *
 * <p>The registry marks 192.0.0.9/32 (Port Control Protocol anycast, RFC 7723) and 192.0.0.10/32
 * (TURN anycast, RFC 8155) as globally reachable inside the otherwise private 192.0.0.0/24, so
 * those two addresses stay publishable and 192.0.0.0/24 is held as two ranges around them.
 * Other globally reachable registry blocks (192.31.196.0/24, 192.52.193.0/24, 192.175.48.0/24)
 * are not listed here, so they stay publishable as well.
 */
public final class SpecialPurposeBlocks {

    /** Inclusive {first, last} address pairs, sorted by first address. */
    private static final long[][] RANGES = {
        cidr("0.0.0.0", 8),            // "this network", RFC 791
        cidr("10.0.0.0", 8),           // private use, RFC 1918
        cidr("100.64.0.0", 10),        // shared address space (carrier-grade NAT), RFC 6598
        cidr("127.0.0.0", 8),          // loopback, RFC 1122
        cidr("169.254.0.0", 16),       // link local, RFC 3927
        cidr("172.16.0.0", 12),        // private use, RFC 1918
        range("192.0.0.0", "192.0.0.8"),     // IETF protocol assignments, RFC 6890
        range("192.0.0.11", "192.0.0.255"),  // the same block after the two global anycast addresses
        cidr("192.0.2.0", 24),         // documentation TEST-NET-1, RFC 5737
        cidr("192.88.99.0", 24),       // deprecated 6to4 relay anycast, RFC 7526
        cidr("192.168.0.0", 16),       // private use, RFC 1918
        cidr("198.18.0.0", 15),        // benchmarking, RFC 2544
        cidr("198.51.100.0", 24),      // documentation TEST-NET-2, RFC 5737
        cidr("203.0.113.0", 24),       // documentation TEST-NET-3, RFC 5737
        cidr("224.0.0.0", 4),          // multicast, RFC 5771
        cidr("240.0.0.0", 4),          // reserved, RFC 1112
        cidr("255.255.255.255", 32),   // limited broadcast, RFC 919
    };

    /** Whether any range starts or ends in a given first octet, so most public addresses cost one array read. */
    private static final boolean[] FIRST_OCTET_USED = new boolean[256];

    static {
        for (long[] range : RANGES) {
            for (long octet = range[0] >>> 24; octet <= range[1] >>> 24; octet++) {
                FIRST_OCTET_USED[(int) octet] = true;
            }
        }
    }

    private SpecialPurposeBlocks() {
    }

    /** Returns whether the inclusive range {@code [first, last]} overlaps any block that is not globally reachable. */
    public static boolean overlaps(long first, long last) {
        if (first == last && !FIRST_OCTET_USED[(int) (first >>> 24)]) {
            return false;
        }
        for (long[] range : RANGES) {
            if (range[0] <= last && first <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** Returns the inclusive {first, last} pairs of the blocks, for tests and documentation. */
    public static long[][] ranges() {
        long[][] copy = new long[RANGES.length][];
        for (int i = 0; i < RANGES.length; i++) {
            copy[i] = RANGES[i].clone();
        }
        return copy;
    }

    private static long[] cidr(String address, int prefix) {
        long parsed = Ipv4.parse(address);
        return new long[] {Ipv4.network(parsed, prefix), Ipv4.broadcast(parsed, prefix)};
    }

    private static long[] range(String first, String last) {
        return new long[] {Ipv4.parse(first), Ipv4.parse(last)};
    }
}
