package dev.insightssync.fetch;

import dev.insightssync.common.insights.InsightsAuthenticationException;
import dev.insightssync.common.insights.InsightsCampaign;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.insights.InsightsException;
import dev.insightssync.common.insights.InsightsPageLimitException;
import dev.insightssync.common.insights.InsightsResponseException;
import dev.insightssync.common.insights.InsightsUnavailableException;
import dev.insightssync.common.step.RawFeedManifest.CampaignPages;
import dev.insightssync.common.store.ArtifactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Fetches the IOC pages of several campaigns on a bounded pool of threads and stores each page
 * as soon as it arrives. Pages of one campaign come one after another (each names the next);
 * different campaigns run in parallel.
 */
final class CampaignIocFetcher {

    private final InsightsClient client;
    private final ArtifactStore store;
    private final int concurrency;

    CampaignIocFetcher(InsightsClient client, ArtifactStore store, int concurrency) {
        this.client = client;
        this.store = store;
        this.concurrency = concurrency;
    }

    /**
     * Fetches and stores every IOC page of {@code campaigns}; returns their manifest entries in
     * the order of {@code campaigns}. The first failure cancels the rest and is raised with the
     * campaign id in its message, so a partial fetch never reaches the manifest.
     */
    List<CampaignPages> fetchAll(List<InsightsCampaign> campaigns, String iocPrefix) {
        if (campaigns.isEmpty()) {
            return List.of();
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, campaigns.size()), task -> {
            Thread thread = new Thread(task, "insights-iocs-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
            CampaignPages[] results = new CampaignPages[campaigns.size()];
            for (int index = 0; index < campaigns.size(); index++) {
                int position = index;
                completion.submit(() -> {
                    if (logContext != null) {
                        MDC.setContextMap(logContext);
                    }
                    try {
                        results[position] = fetchOne(campaigns.get(position), iocPrefix);
                        return position;
                    } finally {
                        MDC.clear();
                    }
                });
            }
            for (int done = 0; done < campaigns.size(); done++) {
                awaitNext(completion);
            }
            return List.of(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitNext(ExecutorCompletionService<Integer> completion) {
        Future<Integer> finished;
        try {
            finished = completion.take();
            finished.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsightsUnavailableException("Interrupted while fetching IOC pages.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("An IOC fetch was cancelled before it finished", e);
        }
    }

    private CampaignPages fetchOne(InsightsCampaign campaign, String iocPrefix) {
        String prefix = iocPrefix + campaign.id() + "/";
        List<String> keys = new ArrayList<>();
        long[] iocs = {0};
        try {
            client.listIocs(campaign.id(), page -> {
                String key = prefix + FetchCampaignsService.pageName(page.number());
                store.put(key, page.body(), FetchCampaignsService.JSON);
                keys.add(key);
                iocs[0] += page.size();
            });
        } catch (InsightsException e) {
            throw naming(campaign.id(), e);
        }
        return new CampaignPages(campaign.id(), campaign.name(), campaign.threatLevelId(), campaign.updatedOn(),
                iocs[0], List.copyOf(keys));
    }

    /** Returns an exception of the same type whose message starts with the campaign id. */
    private static InsightsException naming(String campaignId, InsightsException e) {
        String message = "Failed to fetch the IOCs of campaign " + campaignId + ": " + e.getMessage();
        if (e instanceof InsightsUnavailableException) {
            return new InsightsUnavailableException(message, e);
        }
        if (e instanceof InsightsAuthenticationException) {
            return new InsightsAuthenticationException(message, e);
        }
        if (e instanceof InsightsPageLimitException) {
            return new InsightsPageLimitException(message, e);
        }
        return new InsightsResponseException(message, e);
    }
}
