package dev.insightssync.write;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.insightssync.common.step.IndicatorSet.Indicator;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders indicators as a GuardDuty TXT list: one entry a line, LF line endings, no byte-order
 * mark, no comments and no blank lines, which is the only layout the GuardDuty user guide
 * documents. Entries are sorted, so the same set of entries always gives the same bytes and hash.
 *
 * <p>It checks every entry again even though NormalizeIocs already did: a line GuardDuty cannot
 * parse can leave the whole list in {@code ERROR}, which silently removes protection.
 */
public final class ThreatListWriter {

    /** GuardDuty's maximum list file size is 35 MB; counted in decimal megabytes to stay below it either way. */
    public static final long MAX_FILE_BYTES = 35_000_000L;

    /** GuardDuty's maximum entries in an IP address list (not adjustable). */
    public static final int MAX_IP_ENTRIES = 250_000;

    /**
     * Default maximum entries in the domain list. The {@code DOMAIN_LIST_CAPACITY} setting
     * overrides it when AWS documents or grants another value.
     *
     * <p>NOTE: the entity list quota is an estimate: only a translated GuardDuty quota page gives
     * it, as 1,000 entries.
     */
    public static final int DEFAULT_DOMAIN_LIST_CAPACITY = 1_000;

    private static final Pattern IPV4 = Pattern.compile(
            "(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})(?:/(0|[1-9]\\d?))?");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:\\*\\.)?(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_DOMAIN_LENGTH = 253;

    private final int domainListCapacity;

    /** Creates a writer that rejects a domain list with more than {@code domainListCapacity} entries. */
    public ThreatListWriter(int domainListCapacity) {
        this.domainListCapacity = domainListCapacity;
    }

    /**
     * Returns the list file for {@code indicators}, sorted and without duplicates.
     *
     * @param source where the indicators came from, for error messages (an artifact key)
     * @throws InvalidThreatListEntryException when an entry is not a valid line of this list
     * @throws ThreatListTooLargeException     when the file would exceed a GuardDuty limit
     */
    public RenderedList render(ThreatListKind kind, List<Indicator> indicators, String source) {
        TreeMap<String, SortKey> entries = new TreeMap<>();
        int position = 0;
        for (Indicator indicator : indicators) {
            position++;
            String value = indicator.value();
            entries.put(value, check(kind, value, position, source));
        }

        List<String> ordered = entries.keySet().stream()
                .sorted(Comparator.comparing(entries::get))
                .toList();
        checkEntryLimit(kind, ordered.size(), source);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String entry : ordered) {
            out.writeBytes(entry.getBytes(US_ASCII));
            out.write('\n');
        }
        byte[] content = out.toByteArray();
        if (content.length > MAX_FILE_BYTES) {
            throw new ThreatListTooLargeException("The " + kind.label() + " list from " + source + " would be "
                    + content.length + " bytes, above GuardDuty's limit of " + MAX_FILE_BYTES
                    + " bytes. Shorten the lookback (LOOKBACK_DAYS) or raise MIN_CIDR_PREFIX filtering upstream.");
        }
        return new RenderedList(kind, content, sha256(content), ordered.size(), indicators.size() - ordered.size());
    }

    private void checkEntryLimit(ThreatListKind kind, int count, String source) {
        int limit = kind == ThreatListKind.IP ? MAX_IP_ENTRIES : domainListCapacity;
        if (count > limit) {
            String fix = kind == ThreatListKind.IP
                    ? "GuardDuty does not raise this limit; shorten the lookback (LOOKBACK_DAYS) to publish fewer indicators."
                    : "Raise DOMAIN_LIST_CAPACITY if your GuardDuty quota allows more, or shorten the lookback (LOOKBACK_DAYS).";
            throw new ThreatListTooLargeException("The " + kind.label() + " list from " + source + " has " + count
                    + " entries, above the limit of " + limit + ". " + fix);
        }
    }

    private static SortKey check(ThreatListKind kind, String value, int position, String source) {
        String problem = problemWith(kind, value);
        if (problem != null) {
            throw new InvalidThreatListEntryException("Invalid " + kind.label() + " list entry " + position
                    + " in " + source + ": '" + printable(value) + "' " + problem
                    + ". Fix how NormalizeIocs produces this indicator and start a new execution;"
                    + " no list file was written.");
        }
        Matcher ip = IPV4.matcher(value);
        if (kind == ThreatListKind.IP && ip.matches()) {
            long address = 0;
            for (int octet = 1; octet <= 4; octet++) {
                address = (address << 8) | Integer.parseInt(ip.group(octet));
            }
            return new SortKey(address, value);
        }
        return new SortKey(0, value);
    }

    /** Returns what is wrong with {@code value} as a line of this list, or null when it is valid. */
    private static String problemWith(ThreatListKind kind, String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "contains whitespace at character " + (i + 1);
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return "contains a control character at character " + (i + 1);
            }
        }
        if (value.indexOf(':') >= 0) {
            return "is an IPv6 address or contains ':', and GuardDuty lists accept IPv4 only";
        }
        if (!US_ASCII.newEncoder().canEncode(value)) {
            return "contains a non-ASCII character (internationalized names must be written in punycode)";
        }
        if (kind == ThreatListKind.IP) {
            return validIpv4(value) ? null : "is not an IPv4 address or IPv4 CIDR range";
        }
        return value.length() <= MAX_DOMAIN_LENGTH && DOMAIN.matcher(value).matches() ? null : "is not a domain name";
    }

    private static boolean validIpv4(String value) {
        Matcher ip = IPV4.matcher(value);
        if (!ip.matches()) {
            return false;
        }
        for (int octet = 1; octet <= 4; octet++) {
            if (Integer.parseInt(ip.group(octet)) > 255) {
                return false;
            }
        }
        return ip.group(5) == null || Integer.parseInt(ip.group(5)) <= 32;
    }

    /** Returns the value with control characters escaped, so a message never breaks a log line. */
    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        value.chars().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.append((char) c);
            }
        });
        return text.toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Orders IPv4 entries by address value, then text, and domains by text. */
    private record SortKey(long address, String text) implements Comparable<SortKey> {

        @Override
        public int compareTo(SortKey other) {
            int byAddress = Long.compare(address, other.address);
            return byAddress != 0 ? byAddress : text.compareTo(other.text);
        }
    }

    /**
     * A rendered list file.
     *
     * @param kind       which list
     * @param content    the file's bytes
     * @param sha256     lower-case hex SHA-256 of {@code content}
     * @param entries    lines in the file
     * @param duplicates input indicators dropped because their value was already listed
     */
    public record RenderedList(ThreatListKind kind, byte[] content, String sha256, int entries, int duplicates) {
    }
}
