package dev.insightssync.fetch.benchmark;

import dev.insightssync.common.credentials.InsightsCredentials;
import dev.insightssync.common.insights.InsightsClientFactory;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.ArtifactStore;
import dev.insightssync.fetch.FetchCampaignsService;
import dev.insightssync.fetch.FetchSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the fetch step against a loopback server with generated pages, next to a plain
 * sequential download of the same pages, and prints requests, wall time and peak heap.
 *
 * <p>Arguments (all optional): campaigns, IOCs per campaign, page limit, rounds. Defaults:
 * 200 campaigns of 5,000 IOCs, 100 per page, 2 rounds. The median round of each mode is printed last.
 * The stored pages are counted and discarded, so the numbers exclude S3 or disk.
 */
public final class FetchBenchmark {

    private FetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs,
        // which adds about 40 ms to every response on Linux loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int campaigns = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int iocs = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int pageLimit = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "Tenant: %d campaigns x %d IOCs, page limit %d%n", campaigns, iocs, pageLimit);
        try (LoopbackInsightsServer server = new LoopbackInsightsServer(campaigns, iocs)) {
            // Warm-up on a small share of the tenant, so JIT compilation is not timed.
            plainDownload(server, Math.max(1, campaigns / 10), iocs, pageLimit);
            fetch(server, pageLimit, 4);

            System.out.println("mode                    requests  wall ms  peak heap MiB  IOCs");
            Map<String, List<Long>> times = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                times.computeIfAbsent("plain sequential", mode -> new ArrayList<>())
                        .add(report("plain sequential", server, () -> plainDownload(server, campaigns, iocs, pageLimit)));
                times.computeIfAbsent("fetch concurrency 1", mode -> new ArrayList<>())
                        .add(report("fetch concurrency 1", server, () -> fetch(server, pageLimit, 1)));
                times.computeIfAbsent("fetch concurrency 4", mode -> new ArrayList<>())
                        .add(report("fetch concurrency 4", server, () -> fetch(server, pageLimit, 4)));
            }
            times.forEach((mode, values) -> System.out.printf(Locale.ROOT, "median %-22s %8d ms%n", mode, median(values)));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Runs one mode and prints its line; returns the wall time in milliseconds. */
    private static long report(String mode, LoopbackInsightsServer server, Run run) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        server.resetCounters();

        long start = System.nanoTime();
        long items = run.execute();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;

        // The sum of per-pool peaks is an upper bound of the peak of the whole heap.
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "%-22s %9d %8d %14d %7d%n", mode, server.requests(), wallMillis, peak >> 20, items);
        return wallMillis;
    }

    private static long fetch(LoopbackInsightsServer server, int pageLimit, int concurrency) {
        InsightsSettings settings = new InsightsSettings(
                URI.create(server.baseUrl() + LoopbackInsightsServer.TOKEN_PATH), URI.create(server.baseUrl()),
                List.of("ins.user"), pageLimit, 1000, concurrency, 5,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30));
        InsightsCredentials credentials = new InsightsCredentials("benchmark-key", "benchmark-client", "benchmark-secret");
        FetchCampaignsService service = new FetchCampaignsService(() -> credentials,
                InsightsClientFactory.standard(settings), new DiscardingStore(), new FetchSettings(30, 60),
                Clock.systemUTC());
        FetchCampaignsOutput output = service.fetch(new FetchCampaignsInput(
                new RunContext("benchmark", Instant.parse("2026-12-04T00:00:00Z"), SyncOptions.defaults())));
        return output.iocsFetched();
    }

    /** Downloads the same pages one after another with the same HTTP client and headers, without parsing. */
    private static long plainDownload(LoopbackInsightsServer server, int campaigns, int iocs, int pageLimit)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + LoopbackInsightsServer.TOKEN_PATH))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=ins.user")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long bytes = 0;
        for (int offset = 0; offset < campaigns; offset += pageLimit) {
            bytes += get(http, server.baseUrl() + "/insights/v2/campaigns?page%5Boffset%5D=" + offset
                    + "&page%5Blimit%5D=" + pageLimit);
        }
        for (int campaign = 0; campaign < campaigns; campaign++) {
            String path = "/insights/v2/campaigns/" + LoopbackInsightsServer.campaignId(campaign) + "/iocs";
            for (int offset = 0; offset < iocs; offset += pageLimit) {
                bytes += get(http, server.baseUrl() + path + "?page%5Boffset%5D=" + offset + "&page%5Blimit%5D=" + pageLimit);
            }
        }
        return (long) campaigns * iocs + (bytes > 0 ? 0 : -1);
    }

    private static long get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + LoopbackInsightsServer.TOKEN)
                .header("x-api-key", "benchmark-key")
                .header("Content-Type", "application/vnd.api+json")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + url);
        }
        return response.body().length;
    }

    @FunctionalInterface
    private interface Run {
        long execute() throws Exception;
    }

    /** Counts stored bytes and keeps nothing, so the benchmark measures fetching alone. */
    private static final class DiscardingStore implements ArtifactStore {

        private final AtomicLong bytes = new AtomicLong();

        @Override
        public void put(String key, byte[] content, String contentType) {
            bytes.addAndGet(content.length);
        }

        @Override
        public InputStream open(String key) {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public Optional<byte[]> read(String key) {
            return Optional.empty();
        }

        @Override
        public boolean exists(String key) {
            return false;
        }

        @Override
        public String locationOf(String key) {
            return "discarded:" + key;
        }
    }
}
