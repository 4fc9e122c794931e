package dev.insightssync.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit tests of URL settings: https everywhere, plain http only on loopback, no credentials in the URL. */
class SettingsUrlTest {

    @Test
    void url_https_accepted() {
        assertThat(url("https://api.manage.trellix.com")).isEqualTo(URI.create("https://api.manage.trellix.com"));
    }

    @Test
    void url_httpOnLoopback_accepted() {
        assertThat(url("http://127.0.0.1:8080")).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(url("http://localhost:8080/iam")).isEqualTo(URI.create("http://localhost:8080/iam"));
        assertThat(url("http://[::1]:8080")).isEqualTo(URI.create("http://[::1]:8080"));
    }

    @Test
    void url_httpElsewhere_rejected() {
        assertThatThrownBy(() -> url("http://api.mvision.mcafee.com"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INSIGHTS_API_URL='http://api.mvision.mcafee.com'")
                .hasMessageContaining("plain http is accepted only for a loopback test server");
    }

    @Test
    void url_httpOnHostStartingWith127_rejected() {
        assertThatThrownBy(() -> url("http://127.0.0.1.example.com"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> url("http://127.attacker.net/x"))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void url_withAtSignsInPassword_notEchoed() {
        assertThatThrownBy(() -> url("https://user:p@ss@127.0.0.1:18103"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("ss@")
                .hasMessageContaining("not shown");
        assertThatThrownBy(() -> url("https://user:pa/ss@127.0.0.1:18103"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("pa/ss");
    }

    @Test
    void url_withUserInformation_rejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> url("https://admin:hunter2@api.manage.trellix.com"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("without user information");
    }

    @Test
    void url_notAUrl_rejected() {
        assertThatThrownBy(() -> url("not a url"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Invalid setting INSIGHTS_API_URL='not a url'");
    }

    private static URI url(String value) {
        return new Settings(Map.of("INSIGHTS_API_URL", value)).url("INSIGHTS_API_URL", "https://unused.example");
    }
}
