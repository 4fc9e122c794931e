package dev.insightssync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table test of the non-public IPv4 blocks: first and last address of each block, its neighbours, and overlapping CIDRs. */
class SpecialPurposeBlocksTest {

    private static final IocNormalizer NORMALIZER = new IocNormalizer(Allowlist.empty(), 16);

    @ParameterizedTest(name = "{0}: {1} .. {2}")
    @CsvSource({
        "0.0.0.0/8,          0.0.0.0,         0.255.255.255",
        "10.0.0.0/8,         10.0.0.0,        10.255.255.255",
        "100.64.0.0/10,      100.64.0.0,      100.127.255.255",
        "127.0.0.0/8,        127.0.0.0,       127.255.255.255",
        "169.254.0.0/16,     169.254.0.0,     169.254.255.255",
        "172.16.0.0/12,      172.16.0.0,      172.31.255.255",
        "192.0.0.0/24,       192.0.0.0,       192.0.0.255",
        "192.0.2.0/24,       192.0.2.0,       192.0.2.255",
        "192.88.99.0/24,     192.88.99.0,     192.88.99.255",
        "192.168.0.0/16,     192.168.0.0,     192.168.255.255",
        "198.18.0.0/15,      198.18.0.0,      198.19.255.255",
        "198.51.100.0/24,    198.51.100.0,    198.51.100.255",
        "203.0.113.0/24,     203.0.113.0,     203.0.113.255",
        "224.0.0.0/4,        224.0.0.0,       239.255.255.255",
        "240.0.0.0/4,        240.0.0.0,       255.255.255.255",
        "255.255.255.255/32, 255.255.255.255, 255.255.255.255",
    })
    void normalize_blockFirstLastAndCidr_nonPublic(String block, String first, String last) {
        assertThat(reason(first)).isEqualTo("non-public-address");
        assertThat(reason(last)).isEqualTo("non-public-address");
        int prefix = Integer.parseInt(block.substring(block.indexOf('/') + 1));
        if (prefix >= 16) {
            assertThat(reason(block)).isEqualTo("non-public-address");
        }
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({
        "0.255.255.255/32, non-public-address",
        "1.0.0.0, public", "9.255.255.255, public", "11.0.0.0, public",
        "100.63.255.255, public", "100.128.0.0, public",
        "126.255.255.255, public", "128.0.0.0, public",
        "169.253.255.255, public", "169.255.0.0, public",
        "172.15.255.255, public", "172.32.0.0, public",
        "191.255.255.255, public", "192.0.1.0, public", "192.0.3.0, public",
        "192.88.98.255, public", "192.88.100.0, public",
        "192.167.255.255, public", "192.169.0.0, public",
        "198.17.255.255, public", "198.20.0.0, public",
        "198.51.99.255, public", "198.51.101.0, public",
        "203.0.112.255, public", "203.0.114.0, public",
        "223.255.255.255, public",
        "192.31.196.1, public", "192.52.193.1, public", "192.175.48.1, public",
    })
    void normalize_addressNextToBlock_listed(String address, String expected) {
        assertThat(reason(address)).isEqualTo(expected);
    }

    @Test
    void normalize_globallyReachableAnycastInsideIetfBlock_listed() {
        assertThat(reason("192.0.0.8")).isEqualTo("non-public-address");
        assertThat(reason("192.0.0.9")).isEqualTo("public");
        assertThat(reason("192.0.0.10")).isEqualTo("public");
        assertThat(reason("192.0.0.11")).isEqualTo("non-public-address");
        assertThat(reason("192.0.0.10/31")).isEqualTo("non-public-address");
        assertThat(reason("192.0.0.170")).isEqualTo("non-public-address");
    }

    @Test
    void normalize_cidrPartlyInsideBlock_nonPublic() {
        assertThat(reason("100.0.0.0/9")).isEqualTo("cidr-too-broad");
        assertThat(new IocNormalizer(Allowlist.empty(), 8).normalize("ip", "100.0.0.0/9").reason().code())
                .isEqualTo("non-public-address");
        assertThat(new IocNormalizer(Allowlist.empty(), 8).normalize("ip", "100.0.0.0/10").entry())
                .isEqualTo("100.0.0.0/10");
        assertThat(reason("198.16.0.0/14")).isEqualTo("cidr-too-broad");
        assertThat(new IocNormalizer(Allowlist.empty(), 8).normalize("ip", "198.16.0.0/14").reason().code())
                .isEqualTo("non-public-address");
    }

    private static String reason(String value) {
        IocOutcome outcome = NORMALIZER.normalize("ip", value);
        return outcome.isDrop() ? outcome.reason().code() : "public";
    }
}
