package dev.insightssync.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit test of {@link PublishSettings}: defaults and invalid values. */
class PublishSettingsTest {

    @Test
    void from_noSettings_defaults() {
        assertThat(PublishSettings.from(new Settings(Map.of()))).isEqualTo(new PublishSettings(
                "insights-ip-threat-list", "insights-domain-threat-list", true, null, 0.5));
    }

    @Test
    void from_allSettings_usesThem() {
        assertThat(PublishSettings.from(new Settings(Map.of("THREAT_INTEL_SET_NAME", "ip_list", "THREAT_ENTITY_SET_NAME",
                "dns-list", "PUBLISH_DOMAIN_LIST", "false", "DETECTOR_ID", "12abc", "MAX_SHRINK_FRACTION", "0.25"))))
                .isEqualTo(new PublishSettings("ip_list", "dns-list", false, "12abc", 0.25));
    }

    @Test
    void from_invalidValues_namedConfigurationErrors() {
        assertThatThrownBy(() -> PublishSettings.from(new Settings(Map.of("MAX_SHRINK_FRACTION", "1.5"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Invalid setting MAX_SHRINK_FRACTION='1.5': expected a number from 0 to 1");
        assertThatThrownBy(() -> PublishSettings.from(new Settings(Map.of("MAX_SHRINK_FRACTION", "half"))))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> PublishSettings.from(new Settings(Map.of("THREAT_INTEL_SET_NAME", "my list"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting THREAT_INTEL_SET_NAME='my list': GuardDuty list names use 1 to 300 letters,"
                        + " digits, '-' or '_'.");
    }
}
