package dev.insightssync.common.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit test of reading {@link InsightsSettings} from named settings. */
class InsightsSettingsTest {

    @Test
    void from_empty_appliesDefaults() {
        InsightsSettings settings = InsightsSettings.from(new Settings(Map.of()));

        assertThat(settings).isEqualTo(new InsightsSettings(
                URI.create("https://iam.mcafee-cloud.com/iam/v1.1/token"),
                URI.create("https://api.mvision.mcafee.com"),
                List.of("ins.user", "ins.suser", "ins.ms.r"),
                100, 1000, 4, 5,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Test
    void from_trellixHosts_acceptedAndTrailingSlashDropped() {
        InsightsSettings settings = InsightsSettings.from(new Settings(Map.of(
                "INSIGHTS_IAM_URL", "https://auth.trellix.com/auth/realms/IAM/protocol/openid-connect/token",
                "INSIGHTS_API_URL", "https://api.manage.trellix.com/",
                "INSIGHTS_SCOPES", "  ins.user   ins.ms.r ",
                "INSIGHTS_PAGE_LIMIT", "500",
                "INSIGHTS_MAX_PAGES", "20",
                "INSIGHTS_CONCURRENCY", "2",
                "INSIGHTS_MAX_ATTEMPTS", "3")));

        assertThat(settings.iamUrl()).isEqualTo(URI.create("https://auth.trellix.com/auth/realms/IAM/protocol/openid-connect/token"));
        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.manage.trellix.com"));
        assertThat(settings.scopes()).containsExactly("ins.user", "ins.ms.r");
        assertThat(settings.pageLimit()).isEqualTo(500);
        assertThat(settings.maxPages()).isEqualTo(20);
        assertThat(settings.concurrency()).isEqualTo(2);
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    @Test
    void from_zeroConcurrency_rejectedNamingSetting() {
        assertThatThrownBy(() -> InsightsSettings.from(new Settings(Map.of("INSIGHTS_CONCURRENCY", "0"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INSIGHTS_CONCURRENCY=0");
    }
}
