package dev.insightssync.normalize;

/**
 * Parses and formats IPv4 addresses held as unsigned 32-bit values in a {@code long}.
 *
 * <p>Only the strict dotted-quad form is accepted: four decimal octets from 0 to 255 without
 * leading zeros. Resolvers disagree on {@code 010.1.1.1} (octal 8 or decimal 10), {@code 0x7f.1}
 * and {@code 127.1}, so a list entry written from them could block the wrong host.
 */
public final class Ipv4 {

    /** Returned by the parse methods for text that is not a strict dotted quad. */
    public static final long INVALID = -1;

    private Ipv4() {
    }

    /** Parses the whole text; returns {@link #INVALID} when it is not a strict dotted quad. */
    public static long parse(CharSequence text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)} without allocating; returns {@link #INVALID} when it is not a strict dotted quad. */
    public static long parse(CharSequence text, int from, int to) {
        int length = to - from;
        if (length < 7 || length > 15) {
            return INVALID;
        }
        long address = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return INVALID;
            }
            address = (address << 8) | value;
            if (++octets == 4) {
                return i == to ? address : INVALID;
            }
            if (i >= to || text.charAt(i) != '.') {
                return INVALID;
            }
            i++;
        }
    }

    /** Returns the dotted-quad text of an address. */
    public static String format(long address) {
        return new StringBuilder(15)
                .append((address >>> 24) & 0xFF).append('.')
                .append((address >>> 16) & 0xFF).append('.')
                .append((address >>> 8) & 0xFF).append('.')
                .append(address & 0xFF)
                .toString();
    }

    /** Returns the first address of the block of {@code prefix} bits that contains {@code address}. */
    public static long network(long address, int prefix) {
        return address & mask(prefix);
    }

    /** Returns the last address of the block of {@code prefix} bits that contains {@code address}. */
    public static long broadcast(long address, int prefix) {
        return network(address, prefix) | (~mask(prefix) & 0xFFFFFFFFL);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
