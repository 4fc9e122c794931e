package dev.insightssync.normalize;

import java.net.IDN;
import java.util.Set;

/**
 * Turns a host name into the form a domain list entry must have: lower case, without the
 * trailing root dot, internationalized labels in punycode ({@code xn--} form), every label
 * 1 to 63 letters, digits or inner hyphens, at most 253 characters, at least two labels and a
 * top-level domain of letters or {@code xn--} form. A leading {@code *.} wildcard is kept.
 *
 * <p>Names under special-use top-level domains (the IANA Special-Use Domain Names registry plus
 * {@code .internal} and {@code .i2p}) and the reserved documentation names example.com, .net and
 * .org (RFC 2606) are dropped, because no public resolver answers for them.
 *
 * <p>NOTE: {@link IDN} implements IDNA2003, which maps a few characters (for example German
 * sharp s) differently from the IDNA2008 rules that registries use today.
 */
public final class DomainName {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private static final Set<String> SPECIAL_USE_TLDS = Set.of(
            "onion", "test", "example", "invalid", "localhost", "local", "arpa", "internal", "i2p", "alt");

    private static final Set<String> RESERVED_NAMES = Set.of("example.com", "example.net", "example.org");

    private DomainName() {
    }

    /** Returns a domain list entry for the host name, or a drop with {@code invalid-domain} or {@code special-use-domain}. */
    public static IocOutcome normalize(String host) {
        String name = host;
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        boolean wildcard = name.startsWith("*.");
        if (wildcard) {
            name = name.substring(2);
        }
        name = toAsciiLowerCase(name);
        if (name == null) {
            return IocOutcome.drop(DropReason.INVALID_DOMAIN);
        }
        int lastDot = name.lastIndexOf('.');
        String tld = name.substring(lastDot + 1);
        if (SPECIAL_USE_TLDS.contains(tld) || RESERVED_NAMES.contains(lastTwoLabels(name, lastDot))) {
            return IocOutcome.drop(DropReason.SPECIAL_USE_DOMAIN);
        }
        if (lastDot < 0 || name.length() > MAX_NAME_LENGTH || !validLabels(name) || !validTld(tld)) {
            return IocOutcome.drop(DropReason.INVALID_DOMAIN);
        }
        return IocOutcome.domain(wildcard ? "*." + name : name);
    }

    /** Returns the lower-case ASCII form, converting non-ASCII names to punycode; null when conversion fails. */
    private static String toAsciiLowerCase(String name) {
        boolean ascii = true;
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            }
        }
        if (ascii) {
            return upper ? name.toLowerCase(java.util.Locale.ROOT) : name;
        }
        try {
            // IDN.toASCII applies nameprep, which also lower-cases; it rejects labels longer than 63 characters.
            return IDN.toASCII(name).toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lastTwoLabels(String name, int lastDot) {
        if (lastDot <= 0) {
            return name;
        }
        int previousDot = name.lastIndexOf('.', lastDot - 1);
        return previousDot < 0 ? name : name.substring(previousDot + 1);
    }

    private static boolean validLabels(String name) {
        int labelStart = 0;
        int length = name.length();
        for (int i = 0; i <= length; i++) {
            if (i < length && name.charAt(i) != '.') {
                char c = name.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
                continue;
            }
            int labelLength = i - labelStart;
            if (labelLength < 1 || labelLength > MAX_LABEL_LENGTH
                    || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                return false;
            }
            labelStart = i + 1;
        }
        return true;
    }

    private static boolean validTld(String tld) {
        if (tld.startsWith("xn--")) {
            return tld.length() > 4;
        }
        if (tld.length() < 2) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            char c = tld.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
