package dev.insightssync.normalize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds small raw feeds (one page per campaign) in an artifact store, for tests of merging, aging and capacity. */
final class SyntheticFeed {

    /** One campaign and its IOCs. */
    record Campaign(String id, Integer threatLevelId, Instant updatedOn, List<Ioc> iocs) {
    }

    /** One raw IOC; lethality and createdOn may be null. */
    record Ioc(String type, String value, Integer lethality, Instant createdOn) {
    }

    private SyntheticFeed() {
    }

    static Ioc ioc(String type, String value) {
        return new Ioc(type, value, null, null);
    }

    /** Stores the campaigns' pages and manifest for a run named {@code executionName} starting at {@code startedAt}. */
    static NormalizeIocsInput store(ArtifactStore store, String executionName, Instant startedAt, Campaign... campaigns) {
        RunContext run = new RunContext(executionName, startedAt, SyncOptions.defaults());
        List<CampaignPages> pages = new ArrayList<>();
        for (Campaign campaign : campaigns) {
            ObjectNode page = Json.mapper().createObjectNode();
            page.putObject("links").putNull("next");
            ArrayNode data = page.putArray("data");
            int n = 0;
            for (Ioc ioc : campaign.iocs()) {
                ObjectNode resource = data.addObject();
                resource.put("type", "iocs").put("id", campaign.id() + "-" + n++);
                ObjectNode attributes = resource.putObject("attributes");
                attributes.put("type", ioc.type()).put("value", ioc.value());
                if (ioc.lethality() != null) {
                    attributes.put("lethality", ioc.lethality());
                } else {
                    attributes.putNull("lethality");
                }
                if (ioc.createdOn() != null) {
                    attributes.put("created-on", ioc.createdOn().toString());
                }
            }
            String key = run.runPrefix() + "raw/iocs/" + campaign.id() + "/page-0001.json";
            try {
                store.put(key, Json.mapper().writeValueAsBytes(page), "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pages.add(new CampaignPages(campaign.id(), "Campaign " + campaign.id(), campaign.threatLevelId(),
                    campaign.updatedOn(), campaign.iocs().size(), List.of(key)));
        }
        String manifestKey = FixtureTenant.storeManifest(store, run, new RawFeedManifest(startedAt, startedAt.minusSeconds(86_400L * 30), pages));
        return new NormalizeIocsInput(run, manifestKey);
    }

    /** Copies the run's state to {@code state/indicators.json}, as the state machine does after a successful execution. */
    static void promoteState(ArtifactStore store, NormalizeIocsOutput output) {
        store.put(NormalizeIocsService.STATE_KEY, store.read(output.stateKey()).orElseThrow(), "application/json");
    }
}
