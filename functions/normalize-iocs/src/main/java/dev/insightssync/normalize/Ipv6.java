package dev.insightssync.normalize;

/**
 * Parses IPv6 text far enough to recognize IPv4-mapped addresses ({@code ::ffff:0:0/96},
 * RFC 4291 section 2.5.5.2), which name an IPv4 host and can be listed as that address.
 */
final class Ipv6 {

    private Ipv6() {
    }

    /**
     * Parses RFC 4291 text form (with {@code ::} compression and an optional dotted-quad tail)
     * into eight 16-bit groups, or returns null when the text is not an IPv6 address.
     */
    static int[] parse(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }

        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount;
        int tailCount = 0;
        if (gap < 0) {
            headCount = parseGroups(text, head, true);
            return headCount == 8 ? head : null;
        }
        headCount = gap == 0 ? 0 : parseGroups(text.substring(0, gap), head, false);
        if (headCount < 0) {
            return null;
        }

        String rest = text.substring(gap + 2);
        if (!rest.isEmpty()) {
            tailCount = parseGroups(rest, tail, true);
            if (tailCount < 0) {
                return null;
            }
        }
        if (headCount + tailCount > 7) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, headCount);
        System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        return groups;
    }

    /** Returns the IPv4 address of an IPv4-mapped address, or {@link Ipv4#INVALID} for any other address. */
    static long mappedIpv4(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return Ipv4.INVALID;
            }
        }
        if (groups[5] != 0xFFFF) {
            return Ipv4.INVALID;
        }
        return ((long) groups[6] << 16) | groups[7];
    }

    /** Fills {@code out} with the colon-separated groups; returns their count, or -1 when malformed. */
    private static int parseGroups(String part, int[] out, boolean dottedTailAllowed) {
        int count = 0;
        int start = 0;
        while (true) {
            int colon = part.indexOf(':', start);
            int end = colon < 0 ? part.length() : colon;
            if (colon < 0 && dottedTailAllowed && part.indexOf('.', start) >= 0) {
                long ipv4 = Ipv4.parse(part, start, end);
                if (ipv4 == Ipv4.INVALID || count > 6) {
                    return -1;
                }
                out[count++] = (int) (ipv4 >>> 16);
                out[count++] = (int) (ipv4 & 0xFFFF);
                return count;
            }
            int digits = end - start;
            if (digits < 1 || digits > 4 || count >= 8) {
                return -1;
            }
            int value = 0;
            for (int i = start; i < end; i++) {
                int digit = Character.digit(part.charAt(i), 16);
                if (digit < 0) {
                    return -1;
                }
                value = (value << 4) | digit;
            }
            out[count++] = value;
            if (colon < 0) {
                return count;
            }
            start = colon + 1;
        }
    }
}
