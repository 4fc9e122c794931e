package dev.insightssync.publish;

/** The two kinds of GuardDuty threat list this step manages, with their API names. */
public enum ThreatListType {

    /** An IP address list: IPv4 addresses and CIDR ranges, read by GuardDuty through its service-linked role. */
    THREAT_INTEL_SET("ThreatIntelSet", "threatIntelSetId"),

    /** An entity list: also domain names; GuardDuty reads it directly from a bucket of the detector's account. */
    THREAT_ENTITY_SET("ThreatEntitySet", "threatEntitySetId");

    private final String apiName;
    private final String idParameter;

    ThreatListType(String apiName, String idParameter) {
        this.apiName = apiName;
        this.idParameter = idParameter;
    }

    /** Returns the name in the GuardDuty API: {@code ThreatIntelSet} or {@code ThreatEntitySet}. */
    public String apiName() {
        return apiName;
    }

    /** Returns the name of the id parameter in the GuardDuty API. */
    public String idParameter() {
        return idParameter;
    }
}
