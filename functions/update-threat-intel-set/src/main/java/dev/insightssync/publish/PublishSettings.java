package dev.insightssync.publish;

import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.config.Settings;
import java.util.regex.Pattern;

/**
 * The settings of the publishing step.
 *
 * @param threatIntelSetName  name of the ThreatIntelSet that contains the IPv4 list
 * @param threatEntitySetName name of the ThreatEntitySet that contains the domain list
 * @param publishDomainList   whether to publish the domain list at all
 * @param detectorId          the detector to use, or null to use the Region's only detector
 * @param maxShrinkFraction   the largest fraction (0 to 1) by which a list may shrink from one run to the next
 */
public record PublishSettings(
        String threatIntelSetName,
        String threatEntitySetName,
        boolean publishDomainList,
        String detectorId,
        double maxShrinkFraction) {

    public static final String THREAT_INTEL_SET_NAME = "THREAT_INTEL_SET_NAME";
    public static final String THREAT_ENTITY_SET_NAME = "THREAT_ENTITY_SET_NAME";
    public static final String PUBLISH_DOMAIN_LIST = "PUBLISH_DOMAIN_LIST";
    public static final String DETECTOR_ID = "DETECTOR_ID";
    public static final String MAX_SHRINK_FRACTION = "MAX_SHRINK_FRACTION";

    public static final String DEFAULT_THREAT_INTEL_SET_NAME = "insights-ip-threat-list";
    public static final String DEFAULT_THREAT_ENTITY_SET_NAME = "insights-domain-threat-list";
    public static final double DEFAULT_MAX_SHRINK_FRACTION = 0.5;

    /** GuardDuty list names: letters, digits, '-' and '_', at most 300 characters. */
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9_-]{1,300}");

    /** Returns the settings named in {@code settings}, with the documented defaults. */
    public static PublishSettings from(Settings settings) {
        return new PublishSettings(
                listName(settings, THREAT_INTEL_SET_NAME, DEFAULT_THREAT_INTEL_SET_NAME),
                listName(settings, THREAT_ENTITY_SET_NAME, DEFAULT_THREAT_ENTITY_SET_NAME),
                settings.flag(PUBLISH_DOMAIN_LIST, true),
                settings.optional(DETECTOR_ID).orElse(null),
                fraction(settings));
    }

    /** Returns the defaults: both lists published, to the Region's only detector. */
    public static PublishSettings defaults() {
        return new PublishSettings(DEFAULT_THREAT_INTEL_SET_NAME, DEFAULT_THREAT_ENTITY_SET_NAME, true, null,
                DEFAULT_MAX_SHRINK_FRACTION);
    }

    private static String listName(Settings settings, String name, String defaultValue) {
        String value = settings.text(name, defaultValue);
        if (!LIST_NAME.matcher(value).matches()) {
            throw new ConfigurationException("Invalid setting " + name + "='" + value
                    + "': GuardDuty list names use 1 to 300 letters, digits, '-' or '_'.");
        }
        return value;
    }

    private static double fraction(Settings settings) {
        String raw = settings.text(MAX_SHRINK_FRACTION, String.valueOf(DEFAULT_MAX_SHRINK_FRACTION));
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw invalidFraction(raw, e);
        }
        if (!(value >= 0 && value <= 1)) {
            throw invalidFraction(raw, null);
        }
        return value;
    }

    private static ConfigurationException invalidFraction(String raw, Throwable cause) {
        return new ConfigurationException("Invalid setting " + MAX_SHRINK_FRACTION + "='" + raw
                + "': expected a number from 0 to 1, such as 0.5 (reject a list that lost more than half its entries).",
                cause);
    }
}
