package dev.insightssync.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.credentials.CredentialsSource;
import dev.insightssync.common.insights.InsightsCampaign;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.insights.InsightsClientFactory;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.store.ArtifactStore;
import dev.insightssync.common.store.WatermarkStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches every campaign updated in the run's window and all of their IOCs, and stores the raw
 * pages as the API returned them:
 * {@code runs/<execution>/raw/campaigns/page-NNNN.json},
 * {@code runs/<execution>/raw/iocs/<campaign id>/page-NNNN.json} and, last,
 * {@code runs/<execution>/raw/manifest.json}.
 *
 * <p>Keys depend only on the execution name and the page order, so rerunning the step with the
 * same input replaces the same objects. Every call requests its own token, so a redrive hours
 * after the Authenticate step ran still works. Each page is stored as soon as it arrives, so
 * memory contains at most two pages per concurrent listing (see {@link InsightsClient#forEachPage}).
 */
public final class FetchCampaignsService {

    static final String JSON = "application/json";

    private static final Logger LOG = LoggerFactory.getLogger(FetchCampaignsService.class);

    private final CredentialsSource credentials;
    private final InsightsClientFactory clients;
    private final ArtifactStore store;
    private final WatermarkStore watermarks;
    private final FetchSettings settings;
    private final Clock clock;

    /** Creates a service with the standard Insights client and the system clock. */
    public FetchCampaignsService(CredentialsSource credentials, InsightsSettings insights, ArtifactStore store,
            FetchSettings settings) {
        this(credentials, InsightsClientFactory.standard(insights), store, settings, Clock.systemUTC());
    }

    /** Creates a service with a client factory and clock of the caller's choice (tests, benchmarks). */
    public FetchCampaignsService(CredentialsSource credentials, InsightsClientFactory clients, ArtifactStore store,
            FetchSettings settings, Clock clock) {
        this.credentials = credentials;
        this.clients = clients;
        this.store = store;
        this.watermarks = new WatermarkStore(store);
        this.settings = settings;
        this.clock = clock;
    }

    /** Fetches and stores the run's raw feed; returns counts and the manifest key. */
    public FetchCampaignsOutput fetch(FetchCampaignsInput input) {
        RunContext run = input.run();
        Instant fetchedAt = clock.instant();
        FetchWindow window = FetchWindow.of(run, settings, watermarks);
        LOG.info("Fetching campaigns updated since {} ({})", window.start(),
                window.fromWatermark() ? "watermark minus overlap" : "lookback");

        InsightsClient client = clients.create(credentials.load());
        String rawPrefix = run.runPrefix() + "raw/";
        List<InsightsCampaign> inWindow = new ArrayList<>();
        int[] outside = {0};
        int campaignPages = client.listCampaigns(page -> {
            store.put(rawPrefix + "campaigns/" + pageName(page.number()), page.body(), JSON);
            for (JsonNode resource : page.data()) {
                InsightsCampaign campaign = readCampaign(resource);
                if (campaign != null && window.contains(campaign.updatedOn())) {
                    inWindow.add(campaign);
                } else {
                    outside[0]++;
                }
            }
        });
        LOG.info("Listed {} campaign pages: {} campaigns in the window, {} outside it or without a valid updated-on",
                campaignPages, inWindow.size(), outside[0]);

        int concurrency = client.settings().concurrency();
        List<CampaignPages> fetched = new CampaignIocFetcher(client, store, concurrency)
                .fetchAll(inWindow, rawPrefix + "iocs/");
        long iocs = fetched.stream().mapToLong(CampaignPages::iocCount).sum();
        int iocPages = fetched.stream().mapToInt(campaign -> campaign.iocPageKeys().size()).sum();

        String manifestKey = rawPrefix + "manifest.json";
        writeManifest(manifestKey, new RawFeedManifest(fetchedAt, window.start(), fetched));
        LOG.info("Stored {} IOCs of {} campaigns in {} IOC pages", iocs, fetched.size(), iocPages);
        return new FetchCampaignsOutput(fetched.size(), iocs, window.start(), manifestKey,
                window.fromWatermark(), campaignPages, iocPages);
    }

    /** Returns the file name of a page: {@code page-0001.json} for the first. */
    static String pageName(int number) {
        return String.format(Locale.ROOT, "page-%04d.json", number);
    }

    private static InsightsCampaign readCampaign(JsonNode resource) {
        try {
            return InsightsCampaign.from(resource);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipped a campaign resource without an id");
            return null;
        }
    }

    private void writeManifest(String key, RawFeedManifest manifest) {
        try {
            store.put(key, Json.mapper().writeValueAsBytes(manifest), JSON);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to serialize the raw feed manifest", e);
        }
    }
}
