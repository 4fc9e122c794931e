package dev.insightssync.normalize;

import dev.insightssync.common.step.IndicatorSet.CampaignRef;
import dev.insightssync.normalize.IndicatorState.StoredIndicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the sightings of one list entry: its campaigns, first and last seen times and highest lethality. */
final class IndicatorBuilder {

    private final String value;
    private final Map<String, CampaignRef> campaigns = new TreeMap<>();
    private Instant firstSeen;
    private Instant lastSeen;
    private Integer lethality;
    private Instant lastObserved;

    IndicatorBuilder(String value) {
        this.value = value;
    }

    static IndicatorBuilder of(String value, StoredIndicator stored) {
        IndicatorBuilder builder = new IndicatorBuilder(value);
        if (stored.campaigns() != null) {
            stored.campaigns().forEach(campaign -> builder.campaigns.put(campaign.id(), campaign));
        }
        builder.firstSeen = stored.firstSeen();
        builder.lastSeen = stored.lastSeen();
        builder.lethality = stored.lethality();
        builder.lastObserved = stored.lastObserved();
        return builder;
    }

    String value() {
        return value;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    Integer lethality() {
        return lethality;
    }

    Instant lastObserved() {
        return lastObserved;
    }

    /** Returns the highest threat level (lowest number, 1 = high) of its campaigns, or 4 when none has one. */
    int bestThreatLevel() {
        int best = 4;
        for (CampaignRef campaign : campaigns.values()) {
            if (campaign.threatLevelId() != null && campaign.threatLevelId() < best) {
                best = campaign.threatLevelId();
            }
        }
        return best;
    }

    /** Records one sighting in a campaign; the campaign's name and threat level replace older ones. */
    void addSighting(CampaignRef campaign, Instant campaignUpdatedOn, Instant createdOn, Integer iocLethality) {
        campaigns.put(campaign.id(), campaign);
        firstSeen = min(firstSeen, createdOn);
        lastSeen = max(lastSeen, campaignUpdatedOn);
        if (iocLethality != null && (lethality == null || iocLethality > lethality)) {
            lethality = iocLethality;
        }
    }

    /** Merges another builder for the same entry into this one. */
    void merge(IndicatorBuilder other) {
        campaigns.putAll(other.campaigns);
        firstSeen = min(firstSeen, other.firstSeen);
        lastSeen = max(lastSeen, other.lastSeen);
        if (other.lethality != null && (lethality == null || other.lethality > lethality)) {
            lethality = other.lethality;
        }
        lastObserved = max(lastObserved, other.lastObserved);
    }

    void observedAt(Instant runStartedAt) {
        lastObserved = max(lastObserved, runStartedAt);
    }

    List<CampaignRef> campaigns() {
        return new ArrayList<>(campaigns.values());
    }

    Instant firstSeen() {
        return firstSeen;
    }

    StoredIndicator toStored(boolean listed) {
        return new StoredIndicator(value, campaigns(), firstSeen, lastSeen, lethality, lastObserved, listed);
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
