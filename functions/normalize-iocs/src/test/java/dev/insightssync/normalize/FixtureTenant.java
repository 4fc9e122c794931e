package dev.insightssync.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.store.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores raw pages and a manifest in an artifact store the way the fetch step does, for tests. */
final class FixtureTenant {

    /** The clock the fixture's expected outcomes assume. */
    static final Instant FIXTURE_CLOCK = Instant.parse("2026-12-04T00:00:00Z");

    private static final String ROOT = "/fixtures/insights/";

    private FixtureTenant() {
    }

    /** Stores the fixture tenant's campaigns updated within 30 days of the run start; returns the manifest key. */
    static String store(ArtifactStore store, RunContext run) {
        Instant windowStart = run.startedAt().minus(Duration.ofDays(30));
        List<CampaignPages> campaigns = new ArrayList<>();
        for (String campaignPage : List.of("campaigns-page-1.json", "campaigns-page-2.json")) {
            for (JsonNode campaign : readTree(ROOT + campaignPage).path("data")) {
                JsonNode attributes = campaign.path("attributes");
                Instant updatedOn = OffsetDateTime.parse(attributes.path("updated-on").asText()).toInstant();
                if (updatedOn.isBefore(windowStart)) {
                    continue;
                }
                String id = campaign.path("id").asText();
                List<String> pageKeys = new ArrayList<>();
                long iocs = 0;
                for (int page = 1; ; page++) {
                    byte[] bytes = resource(ROOT + "iocs/" + id + "-page-" + page + ".json");
                    if (bytes == null) {
                        break;
                    }
                    String key = run.runPrefix() + "raw/iocs/" + id + "/page-" + String.format("%04d", page) + ".json";
                    store.put(key, bytes, "application/json");
                    pageKeys.add(key);
                    iocs += readTree(ROOT + "iocs/" + id + "-page-" + page + ".json").path("data").size();
                }
                campaigns.add(new CampaignPages(id, attributes.path("name").asText(null),
                        attributes.path("threat-level-id").isNumber() ? attributes.path("threat-level-id").asInt() : null,
                        updatedOn, iocs, pageKeys));
            }
        }
        return storeManifest(store, run, new RawFeedManifest(run.startedAt(), windowStart, campaigns));
    }

    /** Stores a manifest and returns its key. */
    static String storeManifest(ArtifactStore store, RunContext run, RawFeedManifest manifest) {
        String key = run.runPrefix() + "raw/manifest.json";
        try {
            store.put(key, Json.mapper().writeValueAsBytes(manifest), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    /** Returns the lines of an expected list file. */
    static Set<String> expectedList(String name) {
        String text = new String(resource(ROOT + "expected/" + name), StandardCharsets.UTF_8);
        return text.lines().map(String::trim).filter(line -> !line.isEmpty()).collect(Collectors.toSet());
    }

    /** Returns the expected drop counts by reason from outcomes.tsv, without rows of campaigns outside the window. */
    static Map<String, Long> expectedDropCounts() {
        String text = new String(resource(ROOT + "expected/outcomes.tsv"), StandardCharsets.UTF_8);
        return text.lines().skip(1)
                .map(line -> line.split("\t", -1))
                .filter(fields -> fields.length == 5 && fields[3].equals("drop") && !fields[4].equals("campaign-outside-lookback"))
                .collect(Collectors.groupingBy(fields -> fields[4], Collectors.counting()));
    }

    private static JsonNode readTree(String path) {
        try {
            return Json.mapper().readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = FixtureTenant.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
