package dev.insightssync.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the bundled demo tenant on a loopback port with the same endpoints, paging links and
 * authentication checks as Insights, so that {@code run --demo} exercises the real HTTP client.
 *
 * <p>The tenant's dates are shifted by whole days so that its reference date, 2026-12-04, becomes
 * today: the campaigns then fall in (or out of) a 30-day window the same way on any day.
 */
public final class DemoFeedServer implements AutoCloseable {

    /** The day the bundled tenant was captured for; its expected lists assume this is today. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 12, 4);

    /** Path of the token endpoint on the demo server. */
    static final String TOKEN_PATH = "/iam/v1.1/token";

    /** Credentials the demo server accepts; they guard nothing and exist only to exercise the client. */
    static final String API_KEY = "demo-api-key";
    static final String CLIENT_ID = "demo-client";
    static final String CLIENT_SECRET = "demo-secret";

    private static final String RESOURCE_ROOT = "/demo/insights/";
    private static final Pattern TIMESTAMP_DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern CAMPAIGN_IOCS = Pattern.compile("/insights/v2/campaigns/([0-9a-f-]{36})/iocs");
    private static final Pattern OFFSET = Pattern.compile("page(?:\\[|%5B)offset(?:\\]|%5D)=(\\d+)");
    private static final int CAMPAIGNS_PER_PAGE = 4;
    private static final int IOCS_PER_PAGE = 6;

    private final HttpServer server;
    private final long shiftDays;

    private DemoFeedServer(HttpServer server, long shiftDays) {
        this.server = server;
        this.shiftDays = shiftDays;
    }

    /** Starts the server on a free port of 127.0.0.1, shifting dates so that {@code today} is the reference date. */
    public static DemoFeedServer start(LocalDate today) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoFeedServer demo = new DemoFeedServer(server, ChronoUnit.DAYS.between(REFERENCE_DATE, today));
        server.createContext("/", demo::handle);
        server.start();
        return demo;
    }

    /** Returns the base URL of the API, for example {@code http://127.0.0.1:41234}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns the URL of the token endpoint. */
    public URI iamUrl() {
        return apiUrl().resolve(TOKEN_PATH);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (TOKEN_PATH.equals(path)) {
                answerToken(exchange);
                return;
            }
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                respond(exchange, 403, "{\"errors\":[{\"title\":\"invalid API key\"}]}");
                return;
            }
            if ("/insights/v2/campaigns".equals(path)) {
                serve(exchange, "campaigns-page-" + pageNumber(query, CAMPAIGNS_PER_PAGE) + ".json");
                return;
            }
            Matcher iocs = CAMPAIGN_IOCS.matcher(path);
            if (iocs.matches()) {
                serve(exchange, "iocs/" + iocs.group(1) + "-page-" + pageNumber(query, IOCS_PER_PAGE) + ".json");
                return;
            }
            respond(exchange, 404, "{\"errors\":[{\"title\":\"not found\"}]}");
        }
    }

    private void answerToken(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String expectedBasic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expectedBasic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
            respond(exchange, 403, "{\"error\":\"invalid_api_key\"}");
            return;
        }
        serve(exchange, "token.json");
    }

    private void serve(HttpExchange exchange, String resource) throws IOException {
        String body;
        try (InputStream in = DemoFeedServer.class.getResourceAsStream(RESOURCE_ROOT + resource)) {
            if (in == null) {
                respond(exchange, 404, "{\"errors\":[{\"title\":\"not found\"}]}");
                return;
            }
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        respond(exchange, 200, shiftDates(body).replace("{{baseUrl}}", apiUrl().toString()));
    }

    /** Moves the date of every ISO-8601 timestamp by the shift, keeping its time, fraction and offset as written. */
    String shiftDates(String json) {
        Matcher matcher = TIMESTAMP_DATE.matcher(json);
        StringBuilder shifted = new StringBuilder(json.length());
        while (matcher.find()) {
            LocalDate date = LocalDate.parse(matcher.group(1)).plusDays(shiftDays);
            matcher.appendReplacement(shifted, "\"" + date + matcher.group(2));
        }
        matcher.appendTail(shifted);
        return shifted.toString();
    }

    private static int pageNumber(String rawQuery, int pageSize) {
        if (rawQuery == null) {
            return 1;
        }
        Matcher offset = OFFSET.matcher(rawQuery);
        return offset.find() ? Integer.parseInt(offset.group(1)) / pageSize + 1 : 1;
    }

    private static void respond(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
