package dev.insightssync.write;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insightssync.common.step.IndicatorSet.Indicator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Unit test of {@link ThreatListWriter}: file layout, order, entry checks and limits. */
class ThreatListWriterTest {

    private final ThreatListWriter writer = new ThreatListWriter(3);

    @Test
    void render_ipList_sortedByAddress() {
        ThreatListWriter.RenderedList list = writer.render(ThreatListKind.IP,
                indicators("91.215.85.0/24", "5.188.86.0/24", "45.62.198.73", "45.129.237.33", "45.62.198.73"),
                "runs/r1/indicators.json");

        assertThat(new String(list.content(), UTF_8))
                .isEqualTo("5.188.86.0/24\n45.62.198.73\n45.129.237.33\n91.215.85.0/24\n");
        assertThat(list.entries()).isEqualTo(4);
        assertThat(list.duplicates()).isEqualTo(1);
        assertThat(list.sha256()).isEqualTo(ThreatListWriter.sha256(list.content()));
    }

    @Test
    void render_domainList_sortsByText() {
        ThreatListWriter.RenderedList list = writer.render(ThreatListKind.DOMAIN,
                indicators("gue.life", "*.akamaicontainer.com", "xn--onemooring-rwia.top"), "k");

        assertThat(new String(list.content(), UTF_8))
                .isEqualTo("*.akamaicontainer.com\ngue.life\nxn--onemooring-rwia.top\n");
    }

    @Test
    void render_shuffledEntries_sameBytes() {
        ThreatListWriter.RenderedList first = writer.render(ThreatListKind.IP,
                indicators("80.82.79.221", "18.140.163.186", "5.188.86.0/24"), "k");
        ThreatListWriter.RenderedList second = writer.render(ThreatListKind.IP,
                indicators("5.188.86.0/24", "80.82.79.221", "18.140.163.186"), "k");

        assertThat(second.content()).isEqualTo(first.content());
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void render_noEntries_emptyFile() {
        ThreatListWriter.RenderedList list = writer.render(ThreatListKind.DOMAIN, List.of(), "k");

        assertThat(list.content()).isEmpty();
        assertThat(list.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void render_entryWithWhitespace_rejectedWithPosition() {
        assertThatThrownBy(() -> writer.render(ThreatListKind.IP,
                indicators("80.82.79.221", "18.140.163.186 "), "runs/r1/indicators.json"))
                .isInstanceOf(InvalidThreatListEntryException.class)
                .hasMessageStartingWith("Invalid ip list entry 2 in runs/r1/indicators.json:"
                        + " '18.140.163.186 ' contains whitespace at character 15.");
    }

    @Test
    void render_controlCharacter_rejectedEscaped() {
        assertThatThrownBy(() -> writer.render(ThreatListKind.DOMAIN, indicators("gue.life", "evil\u0007.com"), "k"))
                .isInstanceOf(InvalidThreatListEntryException.class)
                .hasMessageStartingWith("Invalid domain list entry 2 in k: 'evil\\u0007.com' contains a control character");
    }

    @Test
    void render_ipv6Entry_rejected() {
        assertThatThrownBy(() -> writer.render(ThreatListKind.IP, indicators("2001:db8::1"), "k"))
                .isInstanceOf(InvalidThreatListEntryException.class)
                .hasMessageContaining("entry 1 in k: '2001:db8::1' is an IPv6 address");
    }

    @Test
    void render_malformedEntries_rejected() {
        Stream.of("256.1.1.1", "10.0.0.1/33", "010.0.0.1", "example.com").forEach(value ->
                assertThatThrownBy(() -> writer.render(ThreatListKind.IP, indicators(value), "k"))
                        .as(value)
                        .isInstanceOf(InvalidThreatListEntryException.class)
                        .hasMessageContaining("is not an IPv4 address or IPv4 CIDR range"));
        Stream.of("-", "exa mple", "bücher.de", "com").forEach(value ->
                assertThatThrownBy(() -> writer.render(ThreatListKind.DOMAIN, indicators(value), "k"))
                        .as(value)
                        .isInstanceOf(InvalidThreatListEntryException.class));
    }

    @Test
    void render_domainAboveCapacity_rejected() {
        assertThatThrownBy(() -> writer.render(ThreatListKind.DOMAIN, indicators("a.com", "b.com", "c.com", "d.com"), "k"))
                .isInstanceOf(ThreatListTooLargeException.class)
                .hasMessageStartingWith("The domain list from k has 4 entries, above the limit of 3. Raise DOMAIN_LIST_CAPACITY");
    }

    static List<Indicator> indicators(String... values) {
        return Stream.of(values).map(value -> new Indicator(value, List.of(), null, null, null)).toList();
    }
}
