package dev.insightssync.common.insights;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Unit test of scanning JSON:API pages and of describing request URLs in messages. */
class InsightsResponseParsingTest {

    private static final URI URL = URI.create("http://127.0.0.1:8080/insights/v2/campaigns?page%5Blimit%5D=100");

    @Test
    void scan_countsDataAndReadsNext() {
        PageScan scan = scan("{\"links\":{\"self\":\"s\",\"next\":\"http://127.0.0.1:8080/n\"},"
                + "\"data\":[{\"id\":\"a\",\"attributes\":{\"x\":[1,2]}},{\"id\":\"b\"}],\"meta\":{\"total\":2}}");

        assertThat(scan).isEqualTo(new PageScan(2, "http://127.0.0.1:8080/n"));
    }

    @Test
    void scan_nullOrMissingNext_givesNull() {
        assertThat(scan("{\"data\":[{}],\"links\":{\"next\":null}}").next()).isNull();
        assertThat(scan("{\"data\":[{}]}").next()).isNull();
    }

    @Test
    void scan_dataObject_rejected() {
        assertThatThrownBy(() -> scan("{\"data\":{\"id\":\"a\"}}"))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("the JSON document has no 'data' array");
    }

    @Test
    void scan_contentAfterDocument_rejected() {
        assertThatThrownBy(() -> scan("{\"data\":[]} {\"data\":[]}"))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("has content after the JSON document");
    }

    @Test
    void scan_emptyBody_rejected() {
        assertThatThrownBy(() -> scan(""))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("the body (0 bytes) is not a JSON object");
    }

    @Test
    void describe_keepsPageParametersOnly() {
        URI url = URI.create("https://api.manage.trellix.com/insights/v2/campaigns?page%5Boffset%5D=4&sig=abc123&page%5Blimit%5D=4");

        assertThat(InsightsUrls.describe(url))
                .isEqualTo("https://api.manage.trellix.com/insights/v2/campaigns?page[offset]=4&sig=<redacted>&page[limit]=4");
    }

    @Test
    void parse_encodesQueryBracketsButKeepsIpv6Host() {
        assertThat(InsightsUrls.parse("http://[::1]:8080/insights/v2/campaigns?page[offset]=4").toString())
                .isEqualTo("http://[::1]:8080/insights/v2/campaigns?page%5Boffset%5D=4");
    }

    @Test
    void sameOrigin_defaultPortEqualsExplicit() {
        assertThat(InsightsUrls.sameOrigin(URI.create("https://api.mvision.mcafee.com/x"),
                URI.create("https://api.mvision.mcafee.com:443"))).isTrue();
        assertThat(InsightsUrls.sameOrigin(URI.create("https://api.mvision.mcafee.com/x"),
                URI.create("https://api.manage.trellix.com"))).isFalse();
    }

    private static PageScan scan(String body) {
        return PageScan.of(body.getBytes(UTF_8), URL);
    }
}
