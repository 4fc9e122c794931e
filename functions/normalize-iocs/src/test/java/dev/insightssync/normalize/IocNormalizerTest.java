package dev.insightssync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table test of {@link IocNormalizer}: one raw type and value against its exact outcome, rule by rule. */
class IocNormalizerTest {

    private static final IocNormalizer NORMALIZER = new IocNormalizer(Allowlist.builtIn(), 16);

    static Stream<Arguments> cleaning() {
        return Stream.of(
                arguments("ip", "  45.1.2.3 ", "ip:45.1.2.3"),
                arguments("ip", "\t45.1.2.3\r\n", "ip:45.1.2.3"),
                arguments("ip", "\u00A045.1.2.3\u202F", "ip:45.1.2.3"),
                arguments("domain", "\uFEFFevil-site.com", "domain:evil-site.com"),
                arguments("domain", "evil-site.com\u200B", "domain:evil-site.com"),
                arguments("domain", "\u200Eevil-site.com\u200F", "domain:evil-site.com"),
                arguments("domain", "\u202Aevil-site.com\u202C", "domain:evil-site.com"),
                arguments("domain", "\"evil-site.com\"", "domain:evil-site.com"),
                arguments("domain", "'evil-site.com'", "domain:evil-site.com"),
                arguments("domain", "`evil-site.com`", "domain:evil-site.com"),
                arguments("domain", " \"`evil-site.com`\" ", "domain:evil-site.com"),
                arguments("domain", "\u201Cevil-site.com\u201D", "domain:evil-site.com"),
                arguments("ip", "45.61.136.1\n45.61.136.2", "drop:invalid-characters"),
                arguments("ip", "45.61.136.1\r45.61.136.2", "drop:invalid-characters"),
                arguments("domain", "evil\u0000site.com", "drop:invalid-characters"),
                arguments("domain", "evil\u0085site.com", "drop:invalid-characters"),
                arguments("domain", "evil\u2028site.com", "drop:invalid-characters"),
                arguments("domain", "evil\u200Bsite.com", "drop:invalid-characters"),
                arguments("domain", "evil-a.com, evil-b.com", "drop:multiple-values"),
                arguments("domain", "evil-a.com,evil-b.com", "drop:multiple-values"),
                arguments("ip", "45.1.2.3;45.1.2.4", "drop:multiple-values"),
                arguments("ip", "45.1.2.3 45.1.2.4", "drop:multiple-values"),
                arguments("ip", "45.1.2.3|45.1.2.4", "drop:multiple-values"),
                arguments("url", "http://a.evil-site.com/x http://b.evil-site.com/y", "drop:multiple-values"),
                arguments("url", "http://evil-site.com/a?list=1,2", "domain:evil-site.com"),
                arguments("ip", "", "drop:empty-value"),
                arguments("ip", " \u00A0\"\" ", "drop:empty-value"),
                arguments("ip", null, "drop:empty-value"));
    }

    static Stream<Arguments> refanging() {
        return Stream.of(
                arguments("ip", "45[.]1[.]2[.]3", "ip:45.1.2.3"),
                arguments("ip", "45(.)1(.)2(.)3", "ip:45.1.2.3"),
                arguments("ip", "45{.}1{.}2{.}3", "ip:45.1.2.3"),
                arguments("domain", "evil[dot]com", "domain:evil.com"),
                arguments("domain", "evil(dot)com", "domain:evil.com"),
                arguments("domain", "evil[DOT]com", "domain:evil.com"),
                arguments("url", "http[:]//evil.com/a", "domain:evil.com"),
                arguments("url", "http[://]evil.com/a", "domain:evil.com"),
                arguments("url", "http:[/][/]evil.com[/]a", "domain:evil.com"),
                arguments("url", "ftp://user[@]evil.com/a", "domain:evil.com"),
                arguments("url", "ftp://user[at]evil.com/a", "domain:evil.com"),
                arguments("url", "hxxp://evil.com/a", "domain:evil.com"),
                arguments("url", "hXXp://evil.com/a", "domain:evil.com"),
                arguments("url", "hxxps://evil.com/a", "domain:evil.com"),
                arguments("url", "HXXPS://evil.com/a", "domain:evil.com"),
                arguments("url", "htxxp://evil.com/a", "domain:evil.com"),
                arguments("url", "h**p://evil.com/a", "domain:evil.com"),
                arguments("url", "fxp://evil.com/a", "domain:evil.com"),
                arguments("url", "hxxp[:]//45[.]1[.]2[.]3:8080/x", "ip:45.1.2.3"),
                arguments("IP", "45.1.2.3", "ip:45.1.2.3"),
                arguments("Domain", "evil.com", "domain:evil.com"),
                arguments(" URL ", "evil.com/x", "domain:evil.com"),
                arguments("HostName", "www.evil.com", "domain:www.evil.com"));
    }

    static Stream<Arguments> ipv4() {
        return Stream.of(
                arguments("ip", "45.1.2.3", "ip:45.1.2.3"),
                arguments("ip", "255.255.255.254", "drop:non-public-address"),
                arguments("ip", "223.255.255.255", "ip:223.255.255.255"),
                arguments("ip", "1.0.0.0", "ip:1.0.0.0"),
                arguments("ip", "045.033.032.156", "drop:invalid-ip"),
                arguments("ip", "45.01.2.3", "drop:invalid-ip"),
                arguments("ip", "0x2d.1.2.3", "drop:invalid-ip"),
                arguments("ip", "0x2d010203", "drop:invalid-ip"),
                arguments("ip", "755106307", "drop:invalid-ip"),
                arguments("ip", "45.1.515", "drop:invalid-ip"),
                arguments("ip", "45.1", "drop:invalid-ip"),
                arguments("ip", "45.1.2.256", "drop:invalid-ip"),
                arguments("ip", "45.1.2.3.4", "drop:invalid-ip"),
                arguments("ip", "45.1.2.", "drop:invalid-ip"),
                arguments("ip", "45..2.3", "drop:invalid-ip"),
                arguments("ip", "45.1.2.1000", "drop:invalid-ip"),
                arguments("ip", "evil.com", "drop:invalid-ip"),
                arguments("ip", "45.1.2.3:443", "ip:45.1.2.3"),
                arguments("ip_port", "45.1.2.3:0", "ip:45.1.2.3"),
                arguments("ip_port", "45.1.2.3:65535", "ip:45.1.2.3"),
                arguments("ip_port", "45.1.2.3:65536", "drop:invalid-ip"),
                arguments("ip_port", "45.1.2.3:", "drop:invalid-ip"),
                arguments("ip_port", "45.1.2.3:http", "drop:invalid-ip"),
                arguments("ip", "http://45.1.2.3:8080/x", "ip:45.1.2.3"),
                arguments("ip", "http://evil.com/x", "drop:invalid-ip"),
                arguments("domain", "45.1.2.3", "ip:45.1.2.3"),
                arguments("hostname", "45.1.2.3:22", "ip:45.1.2.3"),
                arguments("domain", "10.1.2.3", "drop:non-public-address"),
                arguments("domain", "045.1.2.3", "drop:invalid-ip"));
    }

    static Stream<Arguments> cidr() {
        return Stream.of(
                arguments("ip", "5.188.86.0/24", "ip:5.188.86.0/24"),
                arguments("ip", "91.215.85.17/24", "ip:91.215.85.0/24"),
                arguments("ip", "45.1.2.3/32", "ip:45.1.2.3"),
                arguments("ip", "45.1.0.0/16", "ip:45.1.0.0/16"),
                arguments("ip", "45.1.0.0/15", "drop:cidr-too-broad"),
                arguments("ip", "0.0.0.0/0", "drop:cidr-too-broad"),
                arguments("ip", "45.1.2.3/33", "drop:invalid-ip"),
                arguments("ip", "45.1.2.3/", "drop:invalid-ip"),
                arguments("ip", "45.1.2.3/024", "drop:invalid-ip"),
                arguments("ip", "45.1.2.3/2a", "drop:invalid-ip"),
                arguments("ip", "45.1.2.3:80/24", "drop:invalid-ip"),
                arguments("domain", "45.1.2.0/24", "ip:45.1.2.0/24"),
                arguments("ip", "172.0.0.0/10", "drop:cidr-too-broad"),
                arguments("ip", "172.16.0.0/16", "drop:non-public-address"),
                arguments("ip", "172.31.255.0/24", "drop:non-public-address"),
                arguments("ip", "172.32.0.0/16", "ip:172.32.0.0/16"),
                arguments("ip", "192.0.0.8/29", "drop:non-public-address"),
                arguments("ip", "192.0.0.9/32", "ip:192.0.0.9"));
    }

    static Stream<Arguments> ipv6() {
        return Stream.of(
                arguments("ip", "::ffff:45.62.198.73", "ip:45.62.198.73"),
                arguments("ip", "::FFFF:2d3e:c649", "ip:45.62.198.73"),
                arguments("ip", "0:0:0:0:0:ffff:2d3e:c649", "ip:45.62.198.73"),
                arguments("ip", "0000:0000:0000:0000:0000:ffff:2d3e:c649", "ip:45.62.198.73"),
                arguments("ip_port", "[::ffff:45.62.198.73]:443", "ip:45.62.198.73"),
                arguments("ip_port", "[0:0:0:0:0:ffff:2d3e:c649]:53", "ip:45.62.198.73"),
                arguments("ip", "[::ffff:45.62.198.73]", "ip:45.62.198.73"),
                arguments("ip", "::ffff:45.62.198.0/120", "ip:45.62.198.0/24"),
                arguments("ip", "::ffff:10.0.0.1", "drop:non-public-address"),
                arguments("ip", "::ffff:8.8.8.8", "drop:allowlisted"),
                arguments("url", "http://[::ffff:45.62.198.73]:8080/x", "ip:45.62.198.73"),
                arguments("ip", "2001:678:6c4::1", "drop:ipv6-unsupported"),
                arguments("ip", "2001:678:6c4::/48", "drop:ipv6-unsupported"),
                arguments("ip", "[2001:678:6c4::1]:443", "drop:ipv6-unsupported"),
                arguments("ip", "fe80::1%eth0", "drop:ipv6-unsupported"),
                arguments("ip", "::1", "drop:ipv6-unsupported"),
                arguments("ip", "::45.62.198.73", "drop:ipv6-unsupported"),
                arguments("domain", "2001:678:6c4::1", "drop:ipv6-unsupported"),
                arguments("url", "http://[2001:678:6c4::1]/x", "drop:ipv6-unsupported"),
                arguments("ip", "2001:678:6c4:::1", "drop:invalid-ip"),
                arguments("ip", "2001:678:6c4::1::2", "drop:invalid-ip"),
                arguments("ip", "1:2:3:4:5:6:7:8:9", "drop:invalid-ip"),
                arguments("ip", "12345::1", "drop:invalid-ip"),
                arguments("ip", "[::ffff:45.62.198.73]:99999", "drop:invalid-ip"));
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                arguments("url", "http://104.196.177.180", "ip:104.196.177.180"),
                arguments("url", "https://evil.com", "domain:evil.com"),
                arguments("url", "https://EVIL.com:8443/login?x=1#top", "domain:evil.com"),
                arguments("url", "asamas.com.br/loja01", "domain:asamas.com.br"),
                arguments("url", "evil.com:8080/x", "domain:evil.com"),
                arguments("url", "evil.com", "domain:evil.com"),
                arguments("url", "//evil.com/x", "domain:evil.com"),
                arguments("url", "http://user:secret@evil.com/x", "domain:evil.com"),
                arguments("url", "http://evil.com\\x", "domain:evil.com"),
                arguments("url", "45.1.2.3:8080/x", "ip:45.1.2.3"),
                arguments("url", "http://10.0.0.5/x", "drop:non-public-address"),
                arguments("url", "http://127.1/x", "drop:invalid-ip"),
                arguments("url", "http://0x7f000001/x", "drop:invalid-ip"),
                arguments("url", "/api.init.php?d=", "drop:invalid-url"),
                arguments("url", "http:///x", "drop:invalid-url"),
                arguments("url", "http://:80/x", "drop:invalid-url"),
                arguments("url", "http://evil.com:http/x", "drop:invalid-url"),
                arguments("url", "1http://evil.com/", "drop:invalid-url"),
                arguments("url", "?q=1", "drop:invalid-url"),
                arguments("url", "http://evil.com./x", "domain:evil.com"),
                arguments("url", "http://some-bucket.s3.amazonaws.com/x", "domain:some-bucket.s3.amazonaws.com"),
                arguments("url", "https://s3.amazonaws.com/some-bucket/x", "drop:allowlisted"),
                arguments("url", "http://server.onion/x", "drop:special-use-domain"),
                arguments("url", "http://exa_mple.com/x", "drop:invalid-domain"));
    }

    static Stream<Arguments> domains() {
        return Stream.of(
                arguments("domain", "Myleftheart.com", "domain:myleftheart.com"),
                arguments("domain", "update-check-service.net.", "domain:update-check-service.net"),
                arguments("domain", "update-check-service.net..", "drop:invalid-domain"),
                arguments("domain", "злой-пример.рф", "domain:xn----jtbefdlkmlkd.xn--p1ai"),
                arguments("domain", "ЗЛОЙ-ПРИМЕР.РФ", "domain:xn----jtbefdlkmlkd.xn--p1ai"),
                arguments("domain", "xn--onemooring-rwia.top", "domain:xn--onemooring-rwia.top"),
                arguments("domain", "bücher-shop.de", "domain:xn--bcher-shop-9db.de"),
                arguments("domain", "*.evil.com", "domain:*.evil.com"),
                arguments("domain", "*.EVIL.com.", "domain:*.evil.com"),
                arguments("domain", "a.*.evil.com", "drop:invalid-domain"),
                arguments("domain", "*evil.com", "drop:invalid-domain"),
                arguments("domain", "*.com", "drop:invalid-domain"),
                arguments("domain", "evil", "drop:invalid-domain"),
                arguments("domain", "-evil.com", "drop:invalid-domain"),
                arguments("domain", "evil-.com", "drop:invalid-domain"),
                arguments("domain", "ev!l.com", "drop:invalid-domain"),
                arguments("domain", "evil.c0m", "drop:invalid-domain"),
                arguments("domain", "evil.c", "drop:invalid-domain"),
                arguments("domain", "evil.xn--", "drop:invalid-domain"),
                arguments("domain", "a".repeat(63) + ".com", "domain:" + "a".repeat(63) + ".com"),
                arguments("domain", "a".repeat(64) + ".com", "drop:invalid-domain"),
                arguments("domain", ("a".repeat(49) + ".").repeat(5) + "com", "domain:" + ("a".repeat(49) + ".").repeat(5) + "com"),
                arguments("domain", ("a".repeat(49) + ".").repeat(5) + "comx", "drop:invalid-domain"),
                arguments("domain", "evil.com:443", "domain:evil.com"),
                arguments("domain", "http://evil.com/x", "domain:evil.com"),
                arguments("domain", "/x", "drop:invalid-domain"),
                arguments("domain", "hidden.onion", "drop:special-use-domain"),
                arguments("domain", "a.test", "drop:special-use-domain"),
                arguments("domain", "a.example", "drop:special-use-domain"),
                arguments("domain", "a.invalid", "drop:special-use-domain"),
                arguments("domain", "a.localhost", "drop:special-use-domain"),
                arguments("domain", "localhost", "drop:special-use-domain"),
                arguments("domain", "printer.local", "drop:special-use-domain"),
                arguments("domain", "1.0.0.127.in-addr.arpa", "drop:special-use-domain"),
                arguments("domain", "db.corp.internal", "drop:special-use-domain"),
                arguments("domain", "site.i2p", "drop:special-use-domain"),
                arguments("domain", "www.example.com", "drop:special-use-domain"),
                arguments("domain", "example.org", "drop:special-use-domain"),
                arguments("domain", "example.co", "domain:example.co"));
    }

    static Stream<Arguments> allowlist() {
        return Stream.of(
                arguments("ip", "8.8.8.8", "drop:allowlisted"),
                arguments("ip", "8.8.4.4", "drop:allowlisted"),
                arguments("ip", "1.1.1.1", "drop:allowlisted"),
                arguments("ip", "1.0.0.1", "drop:allowlisted"),
                arguments("ip", "9.9.9.9", "drop:allowlisted"),
                arguments("ip", "149.112.112.112", "drop:allowlisted"),
                arguments("ip", "208.67.222.222", "drop:allowlisted"),
                arguments("ip", "208.67.220.220", "drop:allowlisted"),
                arguments("ip", "8.8.8.0/24", "drop:allowlisted"),
                arguments("ip", "8.8.0.0/16", "drop:allowlisted"),
                arguments("ip", "8.8.9.0/24", "ip:8.8.9.0/24"),
                arguments("ip", "8.8.8.9", "ip:8.8.8.9"),
                arguments("ip_port", "8.8.8.8:53", "drop:allowlisted"),
                arguments("url", "dns://8.8.8.8/", "drop:allowlisted"),
                arguments("domain", "microsoft.com", "drop:allowlisted"),
                arguments("domain", "support.microsoft.com", "drop:allowlisted"),
                arguments("domain", "a.b.microsoft.com", "drop:allowlisted"),
                arguments("domain", "*.microsoft.com", "drop:allowlisted"),
                arguments("domain", "microsoft-publisher.com", "domain:microsoft-publisher.com"),
                arguments("domain", "microsoft.com.evil.net", "domain:microsoft.com.evil.net"),
                arguments("domain", "notmicrosoft.com", "domain:notmicrosoft.com"),
                arguments("domain", "mail.google.com", "drop:allowlisted"),
                arguments("domain", "swscan.apple.com", "drop:allowlisted"),
                arguments("domain", "download.oracle.com", "drop:allowlisted"),
                arguments("domain", "raw.githubusercontent.com", "drop:allowlisted"),
                arguments("domain", "github.com", "drop:allowlisted"),
                arguments("domain", "evil.github.com", "domain:evil.github.com"),
                arguments("domain", "s3.amazonaws.com", "drop:allowlisted"),
                arguments("domain", "amazonaws.com", "drop:allowlisted"),
                arguments("domain", "some-bucket.s3.amazonaws.com", "domain:some-bucket.s3.amazonaws.com"),
                arguments("domain", "*.s3.amazonaws.com", "drop:allowlisted"),
                arguments("domain", "*.some-bucket.s3.amazonaws.com", "domain:*.some-bucket.s3.amazonaws.com"),
                arguments("url", "https://raw.githubusercontent.com/IconStorages/images/main/", "drop:allowlisted"));
    }

    static Stream<Arguments> types() {
        return Stream.of(
                arguments("md5", "1ef9c42efe6e9a08b7ebb16913fa0228", "drop:not-network-indicator"),
                arguments("sha1", "944b69b5e225c7712604efc289e153210124505c", "drop:not-network-indicator"),
                arguments("sha256", "05f6290301015b21d682fafebf09f8977aa90a9c2dfc15941b9405b620b68b6d", "drop:not-network-indicator"),
                arguments("imphash", "f34d5f2d4577ed6d9ceec516c1f5a744", "drop:not-network-indicator"),
                arguments("SHA256", null, "drop:not-network-indicator"),
                arguments("filename", "HTTPParser.dll", "drop:unsupported-type"),
                arguments("email", "a@evil.com", "drop:unsupported-type"),
                arguments(null, "45.1.2.3", "drop:unsupported-type"),
                arguments("", "45.1.2.3", "drop:unsupported-type"));
    }

    @ParameterizedTest(name = "cleaning {0} [{1}] -> {2}")
    @MethodSource("cleaning")
    void normalize_cleaning(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "refanging {0} [{1}] -> {2}")
    @MethodSource("refanging")
    void normalize_refanging(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "IPv4 {0} [{1}] -> {2}")
    @MethodSource("ipv4")
    void normalize_ipv4(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "CIDR {0} [{1}] -> {2}")
    @MethodSource("cidr")
    void normalize_cidr(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "IPv6 {0} [{1}] -> {2}")
    @MethodSource("ipv6")
    void normalize_ipv6(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "URL {0} [{1}] -> {2}")
    @MethodSource("urls")
    void normalize_url(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "domain {0} [{1}] -> {2}")
    @MethodSource("domains")
    void normalize_domain(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "allowlist {0} [{1}] -> {2}")
    @MethodSource("allowlist")
    void normalize_allowlist(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    @ParameterizedTest(name = "type {0} [{1}] -> {2}")
    @MethodSource("types")
    void normalize_type(String type, String value, String expected) {
        assertOutcome(type, value, expected);
    }

    static void assertOutcome(String type, String value, String expected) {
        assertThat(describe(NORMALIZER.normalize(type, value))).isEqualTo(expected);
    }

    static String describe(IocOutcome outcome) {
        return switch (outcome.kind()) {
            case IP -> "ip:" + outcome.entry();
            case DOMAIN -> "domain:" + outcome.entry();
            case DROP -> "drop:" + outcome.reason().code();
        };
    }
}
