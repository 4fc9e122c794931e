package dev.insightssync.write;

/** The two list files a run writes, with the artifact key prefix of each. */
public enum ThreatListKind {

    /** IPv4 addresses and CIDR ranges, published as a GuardDuty ThreatIntelSet. */
    IP("ip", "lists/ip/"),

    /** Domain names and {@code *.} wildcards, published as a GuardDuty ThreatEntitySet. */
    DOMAIN("domain", "lists/domain/");

    private final String label;
    private final String keyPrefix;

    ThreatListKind(String label, String keyPrefix) {
        this.label = label;
        this.keyPrefix = keyPrefix;
    }

    /** Returns the name of the list in {@code IndicatorSet} and in messages: {@code ip} or {@code domain}. */
    public String label() {
        return label;
    }

    /** Returns the artifact key of a file with this content hash. */
    public String keyFor(String sha256) {
        return keyPrefix + sha256 + ".txt";
    }
}
