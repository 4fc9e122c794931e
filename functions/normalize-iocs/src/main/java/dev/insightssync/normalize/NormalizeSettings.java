package dev.insightssync.normalize;

import dev.insightssync.common.config.Settings;
import java.nio.file.Path;

/**
 * Settings of the NormalizeIocs step.
 *
 * @param minCidrPrefix     CIDRs with a shorter prefix are dropped ({@code MIN_CIDR_PREFIX}, default 16)
 * @param retentionDays     days an entry stays listed after the last run that saw it
 *                          ({@code INDICATOR_RETENTION_DAYS}, default 30)
 * @param ipCapacity        maximum IPv4 list entries (GuardDuty's fixed 250,000)
 * @param domainCapacity    maximum domain list entries ({@code DOMAIN_LIST_CAPACITY}, default 1,000)
 * @param userAllowlistKey  artifact key of the user's allowlist ({@code USER_ALLOWLIST_KEY}), or null
 * @param userAllowlistFile local file of the user's allowlist (CLI only), or null
 */
public record NormalizeSettings(
        int minCidrPrefix,
        int retentionDays,
        int ipCapacity,
        int domainCapacity,
        String userAllowlistKey,
        Path userAllowlistFile) {

    /** GuardDuty's maximum number of entries in one IP list; AWS does not raise it on request. */
    public static final int IP_LIST_CAPACITY = 250_000;

    /**
     * The default domain list capacity. One translated AWS quota page reports 1,000 entries per
     * entity list; the English pages give no number, so it is a setting.
     */
    public static final int DEFAULT_DOMAIN_LIST_CAPACITY = 1_000;

    public static final int DEFAULT_RETENTION_DAYS = 30;

    /** Reads {@code MIN_CIDR_PREFIX}, {@code INDICATOR_RETENTION_DAYS}, {@code DOMAIN_LIST_CAPACITY} and {@code USER_ALLOWLIST_KEY}. */
    public static NormalizeSettings from(Settings settings) {
        return new NormalizeSettings(
                settings.integer("MIN_CIDR_PREFIX", IocNormalizer.DEFAULT_MIN_CIDR_PREFIX, 0, 32),
                settings.integer("INDICATOR_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 3650),
                IP_LIST_CAPACITY,
                settings.integer("DOMAIN_LIST_CAPACITY", DEFAULT_DOMAIN_LIST_CAPACITY, 0, 10_000_000),
                settings.optional("USER_ALLOWLIST_KEY").orElse(null),
                null);
    }

    /** Returns the defaults, without a user allowlist. */
    public static NormalizeSettings defaults() {
        return new NormalizeSettings(IocNormalizer.DEFAULT_MIN_CIDR_PREFIX, DEFAULT_RETENTION_DAYS,
                IP_LIST_CAPACITY, DEFAULT_DOMAIN_LIST_CAPACITY, null, null);
    }
}
