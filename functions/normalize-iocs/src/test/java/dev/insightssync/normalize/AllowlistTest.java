package dev.insightssync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Unit test of the allowlist file format and of address, exact-host and tree matching. */
class AllowlistTest {

    @Test
    void parse_entriesOfEveryKind_matchAsDeclared() throws IOException {
        Allowlist allowlist = parse("""
                # comment line
                ip   45.1.2.3        our scanner
                ip   45.9.0.0/16     our cloud range

                host Portal.Partner.COM.  partner portal, exact name only
                tree partner.net     partner-controlled names
                """);

        assertThat(allowlist.containsRange(Ipv4.parse("45.1.2.3"), Ipv4.parse("45.1.2.3"))).isTrue();
        assertThat(allowlist.containsRange(Ipv4.parse("45.1.2.4"), Ipv4.parse("45.1.2.4"))).isFalse();
        assertThat(allowlist.containsRange(Ipv4.parse("45.9.255.255"), Ipv4.parse("45.9.255.255"))).isTrue();
        assertThat(allowlist.containsRange(Ipv4.parse("45.1.2.0"), Ipv4.parse("45.1.2.255"))).isTrue();
        assertThat(allowlist.containsRange(Ipv4.parse("45.10.0.0"), Ipv4.parse("45.10.255.255"))).isFalse();
        assertThat(allowlist.containsDomain("portal.partner.com")).isTrue();
        assertThat(allowlist.containsDomain("www.portal.partner.com")).isFalse();
        assertThat(allowlist.containsDomain("partner.com")).isFalse();
        assertThat(allowlist.containsDomain("partner.net")).isTrue();
        assertThat(allowlist.containsDomain("a.b.partner.net")).isTrue();
        assertThat(allowlist.containsDomain("*.partner.net")).isTrue();
        assertThat(allowlist.containsDomain("*.portal.partner.com")).isTrue();
        assertThat(allowlist.containsDomain("evilpartner.net")).isFalse();
        assertThat(allowlist.size()).isEqualTo(4);
    }

    @Test
    void parse_lineWithoutReason_raisesWithLineNumber() {
        assertThatThrownBy(() -> parse("# header\nip 45.1.2.3\n"))
                .isInstanceOf(AllowlistFormatException.class)
                .hasMessageStartingWith("Allowlist test line 2: expected a kind, a value and a reason");
    }

    @Test
    void parse_unknownKind_raises() {
        assertThatThrownBy(() -> parse("cidr 45.1.2.0/24 office\n"))
                .isInstanceOf(AllowlistFormatException.class)
                .hasMessageContaining("line 1: unknown kind 'cidr'");
    }

    @Test
    void parse_ambiguousAddress_raises() {
        assertThatThrownBy(() -> parse("ip 045.1.2.3 office\n"))
                .isInstanceOf(AllowlistFormatException.class)
                .hasMessageContaining("'045.1.2.3' is not an IPv4 address or CIDR");
    }

    @Test
    void parse_wildcardHost_raises() {
        assertThatThrownBy(() -> parse("host *.partner.com partner\n"))
                .isInstanceOf(AllowlistFormatException.class)
                .hasMessageContaining("write a tree entry instead of a wildcard");
    }

    @Test
    void merge_builtInAndUser_matchesBoth() throws IOException {
        Allowlist merged = Allowlist.builtIn().merge(parse("ip 45.1.2.3 our scanner\ntree partner.net partner\n"));

        assertThat(merged.containsRange(Ipv4.parse("8.8.8.8"), Ipv4.parse("8.8.8.8"))).isTrue();
        assertThat(merged.containsRange(Ipv4.parse("45.1.2.3"), Ipv4.parse("45.1.2.3"))).isTrue();
        assertThat(merged.containsDomain("login.microsoft.com")).isTrue();
        assertThat(merged.containsDomain("x.partner.net")).isTrue();
    }

    @Test
    void builtIn_everyRequiredEntry_present() {
        Allowlist builtIn = Allowlist.builtIn();

        for (String resolver : new String[] {"8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112",
                "208.67.222.222", "208.67.220.220"}) {
            long address = Ipv4.parse(resolver);
            assertThat(builtIn.containsRange(address, address)).as(resolver).isTrue();
        }
        assertThat(builtIn.containsDomain("x.apple.com")).isTrue();
        assertThat(builtIn.containsDomain("x.oracle.com")).isTrue();
        assertThat(builtIn.containsDomain("x.google.com")).isTrue();
        assertThat(builtIn.containsDomain("x.raw.githubusercontent.com")).isFalse();
    }

    private static Allowlist parse(String text) throws IOException {
        return Allowlist.parse("test", new StringReader(text));
    }
}
