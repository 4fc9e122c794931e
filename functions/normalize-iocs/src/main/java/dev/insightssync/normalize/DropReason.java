package dev.insightssync.normalize;

/**
 * Reason why a raw IOC produced no list entry. The codes are the names used in the run report,
 * the step output and the fixture table {@code expected/outcomes.tsv}.
 */
public enum DropReason {
    /** File hashes ({@code md5}, {@code sha1}, {@code sha256}, {@code imphash}): no list can hold them. */
    NOT_NETWORK_INDICATOR("not-network-indicator"),
    /** An IOC type this step does not know, or no type at all. */
    UNSUPPORTED_TYPE("unsupported-type"),
    /** The value is missing or blank after cleaning. */
    EMPTY_VALUE("empty-value"),
    /** A control character, line break or invisible format character inside the value. */
    INVALID_CHARACTERS("invalid-characters"),
    /** Several indicators in one value, separated by whitespace, commas, semicolons or bars. */
    MULTIPLE_VALUES("multiple-values"),
    /** Not a strict dotted-quad IPv4 address or CIDR (leading zeros, octal, hex and short forms included). */
    INVALID_IP("invalid-ip"),
    /** A CIDR prefix shorter than the configured minimum. */
    CIDR_TOO_BROAD("cidr-too-broad"),
    /** An IPv6 address that is not an IPv4-mapped address; threat lists accept IPv4 only. */
    IPV6_UNSUPPORTED("ipv6-unsupported"),
    /** An address or CIDR overlapping an IANA special-purpose block that is not globally reachable. */
    NON_PUBLIC_ADDRESS("non-public-address"),
    /** A URL without a host. */
    INVALID_URL("invalid-url"),
    /** A name that breaks DNS label or length rules, has one label only, or has no valid top-level domain. */
    INVALID_DOMAIN("invalid-domain"),
    /** A name under a special-use or reserved domain such as {@code .onion} or {@code .test}. */
    SPECIAL_USE_DOMAIN("special-use-domain"),
    /** An entry matched by the built-in or the user's allowlist. */
    ALLOWLISTED("allowlisted");

    private final String code;

    DropReason(String code) {
        this.code = code;
    }

    /** Returns the reason's name as written in reports, for example {@code non-public-address}. */
    public String code() {
        return code;
    }
}
