package dev.insightssync.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.credentials.CredentialsSource;
import dev.insightssync.common.insights.InsightsCampaign;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.insights.InsightsClientFactory;
import dev.insightssync.common.insights.InsightsResponseException;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.store.ArtifactStore;
import dev.insightssync.common.store.WatermarkStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
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

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

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
        Set<String> seenIds = new HashSet<>();
        int[] outside = {0};
        int campaignPages = client.listCampaigns(page -> {
            store.put(rawPrefix + "campaigns/" + pageName(page.number()), page.body(), JSON);
            for (JsonNode resource : page.data()) {
                InsightsCampaign campaign = readCampaign(resource);
                if (campaign != null && !seenIds.add(checkedId(campaign.id(), page.number()))) {
                    // Offset paging over a list that changes while it is read can repeat a campaign.
                    LOG.warn("Campaign {} is listed again on campaign page {}; it is fetched once", campaign.id(), page.number());
                } else if (campaign != null && window.contains(campaign.updatedOn())) {
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

    /**
     * Returns the campaign id if it is safe in an S3 key and a URL path: Insights ids are UUIDs,
     * so anything beyond letters, digits, '-' and '_' means the response cannot be trusted.
     */
    static String checkedId(String id, int pageNumber) {
        if (!CAMPAIGN_ID.matcher(id).matches()) {
            String shortenedId = id.length() > 60 ? id.substring(0, 60) + "..." : id;
            throw new InsightsResponseException("Invalid campaign id '" + shortenedId.replaceAll("\\p{Cntrl}", "?")
                    + "' on campaign page " + pageNumber + ": expected 1 to 128 letters, digits, '-' or '_'."
                    + " Nothing was published; check INSIGHTS_API_URL, or report the response to Trellix support.");
        }
        return id;
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
