package dev.insightssync.normalize;

import java.util.Locale;

/**
 * Turns one raw Insights IOC (its {@code type} and {@code value} attributes) into a threat list
 * entry or a drop with a reason. Pure and thread-safe: the result depends only on the arguments,
 * the allowlist and the minimum CIDR prefix.
 *
 * <p>The order of work is: classify the type, clean the value ({@link ValueCleaner}), reject
 * control characters and several values in one, refang ({@link Refanger}), then parse by type.
 * IPv4 entries are checked for CIDR breadth, then {@link SpecialPurposeBlocks}, then the
 * allowlist; domain entries are checked by {@link DomainName}, then the allowlist.
 */
public final class IocNormalizer {

    /** The default for {@code MIN_CIDR_PREFIX}: a /16 already covers 65,536 addresses. */
    public static final int DEFAULT_MIN_CIDR_PREFIX = 16;

    private enum Family { IP, DOMAIN, URL, HASH, UNSUPPORTED }

    private final Allowlist allowlist;
    private final int minCidrPrefix;

    /**
     * Creates a normalizer.
     *
     * @param allowlist     entries never to list (built-in merged with the user's)
     * @param minCidrPrefix CIDRs with a shorter prefix are dropped as {@code cidr-too-broad}; 0 to 32
     */
    public IocNormalizer(Allowlist allowlist, int minCidrPrefix) {
        if (minCidrPrefix < 0 || minCidrPrefix > 32) {
            throw new IllegalArgumentException("minCidrPrefix must be 0 to 32, was " + minCidrPrefix);
        }
        this.allowlist = allowlist;
        this.minCidrPrefix = minCidrPrefix;
    }

    /** Returns the outcome for one raw IOC; either argument may be null. */
    public IocOutcome normalize(String type, String value) {
        Family family = family(type);
        if (family == Family.HASH) {
            return IocOutcome.drop(DropReason.NOT_NETWORK_INDICATOR);
        }
        if (family == Family.UNSUPPORTED) {
            return IocOutcome.drop(DropReason.UNSUPPORTED_TYPE);
        }
        if (value == null) {
            return IocOutcome.drop(DropReason.EMPTY_VALUE);
        }
        String cleaned = ValueCleaner.trim(value);
        switch (ValueCleaner.inspect(cleaned)) {
            case EMPTY:
                return IocOutcome.drop(DropReason.EMPTY_VALUE);
            case INVALID_CHARACTERS:
                return IocOutcome.drop(DropReason.INVALID_CHARACTERS);
            case MULTIPLE_VALUES:
                return IocOutcome.drop(DropReason.MULTIPLE_VALUES);
            default:
                break;
        }
        String text = Refanger.refang(cleaned);
        if (family != Family.URL && hasListSeparator(text)) {
            return IocOutcome.drop(DropReason.MULTIPLE_VALUES);
        }
        return switch (family) {
            case IP -> ipValue(text);
            case DOMAIN -> domainValue(text);
            default -> urlValue(text);
        };
    }

    private static Family family(String type) {
        if (type == null) {
            return Family.UNSUPPORTED;
        }
        // Exact matches first: Insights sends lower case, so the common path allocates nothing.
        Family family = familyOfLowerCase(type);
        if (family != Family.UNSUPPORTED) {
            return family;
        }
        return familyOfLowerCase(type.trim().toLowerCase(Locale.ROOT));
    }

    private static Family familyOfLowerCase(String type) {
        return switch (type) {
            case "ip", "ip_port", "ipv4", "ip-port" -> Family.IP;
            case "domain", "hostname" -> Family.DOMAIN;
            case "url", "uri" -> Family.URL;
            case "md5", "sha1", "sha256", "sha512", "imphash", "ssdeep" -> Family.HASH;
            default -> Family.UNSUPPORTED;
        };
    }

    private static boolean hasListSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '|') {
                return true;
            }
        }
        return false;
    }

    private IocOutcome ipValue(String text) {
        if (text.contains("://")) {
            IocOutcome outcome = urlValue(text);
            if (outcome.kind() == IocOutcome.Kind.DOMAIN) {
                return IocOutcome.drop(DropReason.INVALID_IP);
            }
            return outcome.reason() == DropReason.INVALID_URL ? IocOutcome.drop(DropReason.INVALID_IP) : outcome;
        }
        return address(text);
    }

    private IocOutcome domainValue(String text) {
        if (isAddressLike(text) || (!text.contains("://") && text.indexOf(':') != text.lastIndexOf(':'))) {
            return address(text);
        }
        IocOutcome outcome = urlValue(text);
        return outcome.reason() == DropReason.INVALID_URL ? IocOutcome.drop(DropReason.INVALID_DOMAIN) : outcome;
    }

    /** Returns whether the text has only the characters of an IPv4 address, CIDR or address with port. */
    private static boolean isAddressLike(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '/' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an address-typed value: {@code a.b.c.d}, {@code a.b.c.d/prefix}, {@code a.b.c.d:port},
     * an IPv6 address with optional prefix, or {@code [IPv6]:port}.
     */
    private IocOutcome address(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || !validPortSuffix(text, close + 1)) {
                return IocOutcome.drop(DropReason.INVALID_IP);
            }
            return ipv6(text.substring(1, close), -1);
        }
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
            int prefix = -1;
            String address = text;
            if (slash >= 0) {
                prefix = parsePrefix(text, slash + 1, 128);
                if (prefix < 0) {
                    return IocOutcome.drop(DropReason.INVALID_IP);
                }
                address = text.substring(0, slash);
            }
            return ipv6(address, prefix);
        }
        if (colon >= 0) {
            if (slash >= 0 || !validPortSuffix(text, colon)) {
                return IocOutcome.drop(DropReason.INVALID_IP);
            }
            return ipv4(text, 0, colon, -1);
        }
        if (slash >= 0) {
            int prefix = parsePrefix(text, slash + 1);
            if (prefix < 0) {
                return IocOutcome.drop(DropReason.INVALID_IP);
            }
            return ipv4(text, 0, slash, prefix);
        }
        return ipv4(text, 0, text.length(), -1);
    }

    private IocOutcome ipv6(String text, int prefix) {
        int zone = text.indexOf('%');
        int[] groups = Ipv6.parse(zone < 0 ? text : text.substring(0, zone));
        if (groups == null) {
            return IocOutcome.drop(DropReason.INVALID_IP);
        }
        long mapped = Ipv6.mappedIpv4(groups);
        if (mapped == Ipv4.INVALID || (prefix >= 0 && prefix < 96)) {
            return IocOutcome.drop(DropReason.IPV6_UNSUPPORTED);
        }
        String formatted = Ipv4.format(mapped);
        return ipv4(formatted, 0, formatted.length(), prefix < 0 ? -1 : prefix - 96);
    }

    /**
     * Checks and formats {@code text[from, to)} as an IPv4 entry.
     *
     * @param prefix the CIDR prefix length, or -1 for a plain address
     */
    private IocOutcome ipv4(String text, int from, int to, int prefix) {
        long address = Ipv4.parse(text, from, to);
        if (address == Ipv4.INVALID) {
            return IocOutcome.drop(DropReason.INVALID_IP);
        }
        if (prefix < 0 || prefix == 32) {
            if (SpecialPurposeBlocks.overlaps(address, address)) {
                return IocOutcome.drop(DropReason.NON_PUBLIC_ADDRESS);
            }
            if (allowlist.containsRange(address, address)) {
                return IocOutcome.drop(DropReason.ALLOWLISTED);
            }
            // The strict parser accepts only canonical octets, so the raw text is already the entry.
            return IocOutcome.ip(from == 0 && to == text.length() ? text : text.substring(from, to));
        }
        if (prefix < minCidrPrefix) {
            return IocOutcome.drop(DropReason.CIDR_TOO_BROAD);
        }
        long network = Ipv4.network(address, prefix);
        long broadcast = Ipv4.broadcast(address, prefix);
        if (SpecialPurposeBlocks.overlaps(network, broadcast)) {
            return IocOutcome.drop(DropReason.NON_PUBLIC_ADDRESS);
        }
        if (allowlist.containsRange(network, broadcast)) {
            return IocOutcome.drop(DropReason.ALLOWLISTED);
        }
        return IocOutcome.ip(Ipv4.format(network) + "/" + prefix, network != address);
    }

    /** Returns the IPv4 prefix length written from {@code start} to the end, or -1 when it is not 0 to 32. */
    static int parsePrefix(String text, int start) {
        return parsePrefix(text, start, 32);
    }

    private static int parsePrefix(String text, int start, int max) {
        int digits = text.length() - start;
        if (digits < 1 || digits > 3 || (digits > 1 && text.charAt(start) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** Returns whether {@code text} from {@code colon} is empty or {@code :port} with a port of 0 to 65535. */
    private static boolean validPortSuffix(String text, int colon) {
        if (colon == text.length()) {
            return true;
        }
        if (text.charAt(colon) != ':') {
            return false;
        }
        int digits = text.length() - colon - 1;
        if (digits < 1 || digits > 5) {
            return false;
        }
        int port = 0;
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    /**
     * Parses a URL with or without a scheme ({@code host:port/path} is a URL) and lists its host:
     * an IPv4 host goes to the IP list, a name to the domain list.
     */
    private IocOutcome urlValue(String text) {
        int start = 0;
        int schemeEnd = text.indexOf("://");
        if (schemeEnd >= 0) {
            if (!validScheme(text, schemeEnd)) {
                return IocOutcome.drop(DropReason.INVALID_URL);
            }
            start = schemeEnd + 3;
        } else if (text.startsWith("//")) {
            start = 2;
        }

        int end = start;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                break;
            }
            end++;
        }
        int userInfoEnd = text.lastIndexOf('@', end - 1);
        if (userInfoEnd >= start) {
            start = userInfoEnd + 1;
        }
        if (start == end) {
            return IocOutcome.drop(DropReason.INVALID_URL);
        }

        String authority = text.substring(start, end);
        if (authority.indexOf(',') >= 0 || authority.indexOf(';') >= 0 || authority.indexOf('|') >= 0) {
            return IocOutcome.drop(DropReason.MULTIPLE_VALUES);
        }
        if (authority.startsWith("[")) {
            return address(authority);
        }

        int colon = authority.indexOf(':');
        String host = authority;
        if (colon >= 0) {
            if (!validPortSuffix(authority, colon)) {
                return IocOutcome.drop(DropReason.INVALID_URL);
            }
            host = authority.substring(0, colon);
        }
        if (host.isEmpty()) {
            return IocOutcome.drop(DropReason.INVALID_URL);
        }
        return host(host);
    }

    private static boolean validScheme(String text, int schemeEnd) {
        if (schemeEnd == 0 || !Character.isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < schemeEnd; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lists a host name or address. As in the WHATWG URL standard, a host whose last label is
     * numeric (or {@code 0x} hex) is an IPv4 address attempt, so {@code 127.1} and {@code 0x7f.0.0.1}
     * are rejected as ambiguous rather than read as domain names.
     */
    private IocOutcome host(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (isNumericLabel(lastLabel)) {
            return ipv4(name, 0, name.length(), -1);
        }
        IocOutcome outcome = DomainName.normalize(host);
        if (!outcome.isDrop() && allowlist.containsDomain(outcome.entry())) {
            return IocOutcome.drop(DropReason.ALLOWLISTED);
        }
        return outcome;
    }

    private static boolean isNumericLabel(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.length() > 1 && (label.startsWith("0x") || label.startsWith("0X"))) {
            return true;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
