package dev.insightssync.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Indicators that must never be listed because they name well-known benign infrastructure.
 *
 * <p>File format, one entry a line, fields separated by whitespace, {@code #} starts a comment line:
 * <pre>
 * ip    8.8.8.8                    Google Public DNS resolver
 * ip    192.0.2.0/24               a CIDR: every entry overlapping it is dropped
 * host  raw.githubusercontent.com  shared host: only this exact name is dropped
 * tree  microsoft.com              vendor-controlled tree: the name and every subdomain are dropped
 * </pre>
 * The reason (the rest of the line) is required, so that every entry documents why it exists.
 * An IP entry drops every address or CIDR that overlaps it, so a CIDR containing an allowlisted
 * resolver is dropped as well. A wildcard entry {@code *.name} is dropped when {@code name} is an
 * exact host or lies in a tree, because it would match every tenant of that shared platform.
 */
public final class Allowlist {

    /** Classpath location of the built-in allowlist. */
    public static final String BUILT_IN_RESOURCE = "/allowlist/builtin-allowlist.txt";

    private static final Allowlist EMPTY = new Allowlist(new long[0], new long[0], Set.of(), Set.of());

    /** Sorted, merged inclusive ranges: {@code firsts[i]..lasts[i]}. */
    private final long[] firsts;
    private final long[] lasts;
    private final Set<String> hosts;
    private final Set<String> trees;

    private Allowlist(long[] firsts, long[] lasts, Set<String> hosts, Set<String> trees) {
        this.firsts = firsts;
        this.lasts = lasts;
        this.hosts = hosts;
        this.trees = trees;
    }

    /** Returns an allowlist without entries. */
    public static Allowlist empty() {
        return EMPTY;
    }

    /** Returns the built-in allowlist shipped in this module's resources. */
    public static Allowlist builtIn() {
        try (InputStream in = Allowlist.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The built-in allowlist " + BUILT_IN_RESOURCE
                        + " is missing from the classpath; rebuild the function jar.");
            }
            return parse("built-in " + BUILT_IN_RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the built-in allowlist: " + e.getMessage(), e);
        }
    }

    /**
     * Parses an allowlist file.
     *
     * @param source names the file in error messages (a key or a path)
     * @throws AllowlistFormatException on the first malformed line
     */
    public static Allowlist parse(String source, Reader reader) throws IOException {
        List<long[]> ranges = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        Set<String> trees = new HashSet<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = ValueCleaner.trim(line);
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+", 3);
            if (fields.length < 3) {
                throw new AllowlistFormatException(source, number, "expected a kind, a value and a reason");
            }
            String kind = fields[0].toLowerCase(Locale.ROOT);
            String value = fields[1];
            switch (kind) {
                case "ip" -> ranges.add(parseRange(source, number, value));
                case "host" -> hosts.add(parseName(source, number, value));
                case "tree" -> trees.add(parseName(source, number, value));
                default -> throw new AllowlistFormatException(source, number,
                        "unknown kind '" + fields[0] + "', expected ip, host or tree");
            }
        }
        return build(ranges, hosts, trees);
    }

    /** Returns an allowlist holding the entries of both. */
    public Allowlist merge(Allowlist other) {
        List<long[]> ranges = new ArrayList<>();
        for (Allowlist list : List.of(this, other)) {
            for (int i = 0; i < list.firsts.length; i++) {
                ranges.add(new long[] {list.firsts[i], list.lasts[i]});
            }
        }
        Set<String> hosts = new HashSet<>(this.hosts);
        hosts.addAll(other.hosts);
        Set<String> trees = new HashSet<>(this.trees);
        trees.addAll(other.trees);
        return build(ranges, hosts, trees);
    }

    /** Returns whether the inclusive address range {@code [first, last]} overlaps an allowlisted address or CIDR. */
    public boolean containsRange(long first, long last) {
        // Ranges are merged and sorted, so the only candidate is the first range ending at or after 'first'.
        int low = 0;
        int high = lasts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (lasts[middle] < first) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low < firsts.length && firsts[low] <= last;
    }

    /** Returns whether a normalized domain entry (possibly {@code *.}-prefixed) is allowlisted. */
    public boolean containsDomain(String name) {
        boolean wildcard = name.startsWith("*.");
        String base = wildcard ? name.substring(2) : name;
        if (hosts.contains(base)) {
            return true;
        }
        if (trees.isEmpty()) {
            return false;
        }
        String suffix = base;
        while (true) {
            if (trees.contains(suffix)) {
                return true;
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return false;
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    /** Returns the number of IP ranges (after merging), exact hosts and trees. */
    public int size() {
        return firsts.length + hosts.size() + trees.size();
    }

    private static Allowlist build(List<long[]> ranges, Set<String> hosts, Set<String> trees) {
        ranges.sort(Comparator.comparingLong(range -> range[0]));
        long[] firsts = new long[ranges.size()];
        long[] lasts = new long[ranges.size()];
        int count = 0;
        for (long[] range : ranges) {
            if (count > 0 && range[0] <= lasts[count - 1] + 1) {
                lasts[count - 1] = Math.max(lasts[count - 1], range[1]);
            } else {
                firsts[count] = range[0];
                lasts[count] = range[1];
                count++;
            }
        }
        return new Allowlist(Arrays.copyOf(firsts, count), Arrays.copyOf(lasts, count), Set.copyOf(hosts), Set.copyOf(trees));
    }

    private static long[] parseRange(String source, int number, String value) {
        int slash = value.indexOf('/');
        long address = Ipv4.parse(value, 0, slash < 0 ? value.length() : slash);
        int prefix = slash < 0 ? 32 : IocNormalizer.parsePrefix(value, slash + 1);
        if (address == Ipv4.INVALID || prefix < 0) {
            throw new AllowlistFormatException(source, number,
                    "'" + value + "' is not an IPv4 address or CIDR in dotted-quad form");
        }
        return new long[] {Ipv4.network(address, prefix), Ipv4.broadcast(address, prefix)};
    }

    private static String parseName(String source, int number, String value) {
        IocOutcome outcome = DomainName.normalize(value);
        if (outcome.isDrop() || outcome.entry().startsWith("*.")) {
            throw new AllowlistFormatException(source, number,
                    "'" + value + "' is not a valid domain name (write a tree entry instead of a wildcard)");
        }
        return outcome.entry();
    }
}
