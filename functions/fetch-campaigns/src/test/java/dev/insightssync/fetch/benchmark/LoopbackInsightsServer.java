package dev.insightssync.fetch.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Insights tenant of generated campaigns and IOCs served by the JDK's HTTP server on the
 * loopback interface. Pages are generated per request, so the server keeps no tenant in memory.
 */
final class LoopbackInsightsServer implements AutoCloseable {

    static final String TOKEN_PATH = "/iam/v1.1/token";
    static final String TOKEN = "benchmark-token";

    private static final String CAMPAIGNS = "/insights/v2/campaigns";

    private final int campaigns;
    private final int iocsPerCampaign;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();

    LoopbackInsightsServer(int campaigns, int iocsPerCampaign) throws IOException {
        this.campaigns = campaigns;
        this.iocsPerCampaign = iocsPerCampaign;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    String baseUrl() {
        return baseUrl;
    }

    long requests() {
        return requests.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    void resetCounters() {
        requests.set(0);
        bytesSent.set(0);
    }

    static String campaignId(int index) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", index);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals(TOKEN_PATH)) {
                send(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"errors\":[{\"status\":\"401\"}]}");
                return;
            }
            int offset = Integer.parseInt(query.getOrDefault("page[offset]", "0"));
            int limit = Integer.parseInt(query.getOrDefault("page[limit]", "100"));
            if (path.equals(CAMPAIGNS)) {
                send(exchange, 200, campaignPage(offset, limit));
            } else if (path.startsWith(CAMPAIGNS + "/") && path.endsWith("/iocs")) {
                String id = path.substring(CAMPAIGNS.length() + 1, path.length() - "/iocs".length());
                send(exchange, 200, iocPage(id, offset, limit));
            } else {
                send(exchange, 404, "{\"errors\":[{\"status\":\"404\"}]}");
            }
        }
    }

    private String campaignPage(int offset, int limit) {
        int end = Math.min(campaigns, offset + limit);
        StringBuilder data = new StringBuilder();
        for (int index = offset; index < end; index++) {
            String id = campaignId(index);
            data.append(index == offset ? "" : ",")
                    .append("{\"type\":\"campaigns\",\"id\":\"").append(id).append("\",\"attributes\":{")
                    .append("\"name\":\"Generated campaign ").append(index).append("\",")
                    .append("\"description\":\"Generated for the fetch benchmark.\",\"threat-level-id\":")
                    .append(1 + index % 3).append(",\"created-on\":\"2026-01-01T00:00:00.000Z\",")
                    .append("\"updated-on\":\"2026-12-01T00:00:00.000Z\",\"external-analysis\":null,\"is-coat\":false}}");
        }
        return document(data, CAMPAIGNS, end < campaigns ? end : -1, limit);
    }

    private String iocPage(String campaignId, int offset, int limit) {
        int end = Math.min(iocsPerCampaign, offset + limit);
        StringBuilder data = new StringBuilder(limit * 420);
        for (int n = offset; n < end; n++) {
            String digits = Integer.toString(n);
            String id = campaignId.substring(0, 36 - digits.length()) + digits;
            data.append(n == offset ? "" : ",")
                    .append("{\"type\":\"iocs\",\"id\":\"").append(id).append("\",\"links\":{\"self\":\"")
                    .append(baseUrl).append("/insights/v2/iocs/").append(id).append("\"},\"attributes\":{")
                    .append("\"type\":\"ip\",\"value\":\"10.").append((n >> 16) & 255).append('.')
                    .append((n >> 8) & 255).append('.').append(n & 255).append("\",")
                    .append("\"coverage\":{\"dat_version\":{\"min\":null}},\"is-coat\":false,\"is-sdb-dirty\":false,")
                    .append("\"category\":\"Network activity\",\"comment\":\"\",\"lethality\":60,\"determinism\":3,")
                    .append("\"created-on\":\"2026-11-01T00:00:00.000Z\"}}");
        }
        return document(data, CAMPAIGNS + "/" + campaignId + "/iocs", end < iocsPerCampaign ? end : -1, limit);
    }

    private String document(CharSequence data, String path, int nextOffset, int limit) {
        String next = nextOffset < 0 ? "null"
                : "\"" + baseUrl() + path + "?page[offset]=" + nextOffset + "&page[limit]=" + limit + "\"";
        return "{\"links\":{\"next\":" + next + "},\"data\":[" + data + "]}";
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        bytesSent.addAndGet(bytes.length);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
