package dev.insightssync.common.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.credentials.InsightsCredentials;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Client of the Insights REST API: obtains OAuth tokens (client credentials grant), pages
 * through JSON:API listings and retries what a retry can fix.
 *
 * <p>The client is thread-safe: threads fetching different listings share its token. A token is
 * renewed before a request when it expires within {@value #RENEW_MARGIN_SECONDS} seconds, and a
 * 401 from the API triggers one renewal and one repetition of that request.
 */
public final class InsightsClient {

    /** Seconds before expiry at which a token is renewed, so it cannot expire in flight. */
    public static final long RENEW_MARGIN_SECONDS = 60;

    /** Lifetime assumed when the token response has no {@code expires_in}. */
    public static final long DEFAULT_EXPIRES_IN_SECONDS = 600;

    /**
     * Longest {@code Retry-After} the client waits for. A longer one fails the request at once,
     * because a Lambda function would time out while waiting; the state machine retries later.
     */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    static final String CAMPAIGNS_PATH = "/insights/v2/campaigns";
    private static final String JSON_API = "application/vnd.api+json";

    private static final Logger LOG = LoggerFactory.getLogger(InsightsClient.class);

    private final InsightsSettings settings;
    private final InsightsCredentials credentials;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryDelays delays;

    private AccessToken token;

    private InsightsClient(Builder builder) {
        this.settings = builder.settings;
        this.credentials = builder.credentials;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.delays = new RetryDelays(settings.backoffBase(), settings.backoffMax(), builder.jitter, clock);
        // HTTP/1.1 gives each concurrent listing its own kept-alive connection and sends no h2c
        // upgrade header to plain-http servers such as the loopback test servers.
        this.http = builder.http != null ? builder.http : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns a builder with the system clock, real waiting and random jitter. */
    public static Builder builder(InsightsSettings settings, InsightsCredentials credentials) {
        return new Builder(settings, credentials);
    }

    /** Returns the settings this client uses. */
    public InsightsSettings settings() {
        return settings;
    }

    /**
     * Requests a new token, whether or not one is cached, and keeps it for later requests.
     *
     * @throws InsightsAuthenticationException when the token endpoint rejects the credentials
     * @throws InsightsUnavailableException    when it cannot be reached or keeps failing
     */
    public synchronized AccessToken authenticate() {
        token = requestToken();
        return token;
    }

    /** Returns the URL of the first page of the campaign listing. */
    public URI campaignsUrl() {
        return firstPage(CAMPAIGNS_PATH);
    }

    /** Returns the URL of the first page of one campaign's IOC listing. */
    public URI iocsUrl(String campaignId) {
        return firstPage(CAMPAIGNS_PATH + "/" + URLEncoder.encode(campaignId, StandardCharsets.UTF_8) + "/iocs");
    }

    /** Pages through the campaign listing; returns the number of pages delivered. */
    public int listCampaigns(PageHandler handler) {
        return forEachPage(campaignsUrl(), handler);
    }

    /** Pages through one campaign's IOCs; returns the number of pages delivered. */
    public int listIocs(String campaignId, PageHandler handler) {
        return forEachPage(iocsUrl(campaignId), handler);
    }

    /**
     * Fetches {@code first} and follows {@code links.next}, handing every non-empty page to
     * {@code handler}. Paging stops at a null or missing {@code next}, an empty {@code data}
     * array, or a {@code next} already fetched in this listing.
     *
     * <p>When a page names its {@code next} link before its {@code data}, the next page is
     * requested while this page is checked and handled, so storing a page overlaps with
     * downloading the next. A listing still has at most one request in flight, and at most two
     * pages in memory.
     *
     * @return the number of pages delivered
     * @throws InsightsPageLimitException when a page beyond {@link InsightsSettings#maxPages()} is linked
     * @throws InsightsResponseException  when a page is not a JSON:API document with a {@code data} array
     */
    public int forEachPage(URI first, PageHandler handler) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        ExecutorService prefetcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                task.run();
            }, "insights-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        Future<byte[]> prefetch = null;
        try {
            Set<String> visited = new HashSet<>();
            URI url = first;
            URI prefetched = null;
            int fetched = 0;
            int delivered = 0;
            while (url != null) {
                if (!visited.add(url.toString())) {
                    LOG.warn("Stopped paging: links.next of page {} points at a page already fetched ({})",
                            fetched, InsightsUrls.describe(url));
                    break;
                }
                if (fetched == settings.maxPages()) {
                    throw new InsightsPageLimitException("Listing " + InsightsUrls.describe(first)
                            + " still links a next page after " + settings.maxPages() + " pages ("
                            + InsightsSettings.MAX_PAGES + "). Raise " + InsightsSettings.MAX_PAGES + " or "
                            + InsightsSettings.PAGE_LIMIT + " if the tenant is that large; otherwise the server"
                            + " is paging in a loop.");
                }
                byte[] body = url.equals(prefetched) ? await(prefetch) : get(url);
                prefetch = null;
                prefetched = null;
                fetched++;

                URI early = nextLink(PageScan.peekNext(body).orElse(null), url);
                if (early != null && !visited.contains(early.toString()) && fetched < settings.maxPages()) {
                    URI target = early;
                    prefetch = prefetcher.submit(() -> get(target));
                    prefetched = early;
                }

                PageScan scan = PageScan.of(body, url);
                if (scan.size() == 0) {
                    break;
                }
                delivered++;
                handler.accept(new InsightsPage(delivered, url, body, scan.size()));
                url = nextLink(scan.next(), url);
            }
            return delivered;
        } finally {
            if (prefetch != null) {
                prefetch.cancel(true);
            }
            prefetcher.shutdownNow();
        }
    }

    private static byte[] await(Future<byte[]> prefetch) {
        try {
            return prefetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsightsUnavailableException("Interrupted while waiting for an Insights page.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Prefetching an Insights page failed", e.getCause());
        }
    }

    /**
     * Fetches one campaign (the first page with {@code page[limit]=1}) to prove that the token,
     * the API key and the scopes are accepted by the API, not only by the token endpoint.
     */
    public void probe() {
        URI url = URI.create(settings.apiUrl() + CAMPAIGNS_PATH + "?page%5Blimit%5D=1");
        PageScan.of(get(url), url);
    }

    private URI firstPage(String path) {
        return URI.create(settings.apiUrl() + path + "?page%5Blimit%5D=" + settings.pageLimit());
    }

    private URI nextLink(String next, URI current) {
        if (next == null || next.isBlank()) {
            return null;
        }
        URI resolved;
        try {
            resolved = current.resolve(InsightsUrls.parse(next.trim()));
        } catch (IllegalArgumentException e) {
            throw new InsightsResponseException("Invalid Insights response from " + InsightsUrls.describe(current)
                    + ": links.next is not a valid URL.", e);
        }
        // The bearer token goes with every request, so links may only lead back to the API host.
        if (!InsightsUrls.sameOrigin(resolved, settings.apiUrl())) {
            throw new InsightsResponseException("Invalid Insights response from " + InsightsUrls.describe(current)
                    + ": links.next leads to " + resolved.getScheme() + "://" + resolved.getRawAuthority()
                    + ", not to " + InsightsSettings.API_URL + "=" + settings.apiUrl()
                    + ". Set " + InsightsSettings.API_URL + " to the host the API links to.");
        }
        return resolved;
    }

    private JsonNode parse(byte[] body, URI url) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InsightsResponseException("Invalid Insights response from " + InsightsUrls.describe(url)
                    + ": the body (" + body.length + " bytes) is not valid JSON" + PageScan.htmlHint(body)
                    + ". A proxy or an outage page may have responded, so retry later.", e);
        } catch (IOException e) {
            throw new InsightsResponseException("Invalid Insights response from " + InsightsUrls.describe(url)
                    + ": failed to read the body: " + e.getMessage() + ".", e);
        }
        if (root == null || !root.isObject()) {
            throw new InsightsResponseException("Invalid Insights response from " + InsightsUrls.describe(url)
                    + ": the body (" + body.length + " bytes) is not a JSON object.");
        }
        return root;
    }

    /** Fetches one API URL; a 401 renews the token once and repeats the request. */
    private byte[] get(URI url) {
        AccessToken used = currentToken();
        HttpResponse<byte[]> response = execute(() -> apiRequest(url, used), url);
        if (response.statusCode() == 401) {
            LOG.info("Insights API returned 401 for {}, so the client renews the token and repeats the request once",
                    InsightsUrls.describe(url));
            renewIfStill(used);
            AccessToken renewed = currentToken();
            response = execute(() -> apiRequest(url, renewed), url);
            if (response.statusCode() == 401) {
                throw new InsightsAuthenticationException("Insights API rejected a freshly issued token for "
                        + InsightsUrls.describe(url) + " (HTTP 401). Check that the API client has the scopes in "
                        + InsightsSettings.SCOPES + " and that " + InsightsSettings.IAM_URL + " and "
                        + InsightsSettings.API_URL + " belong to the same Insights region.");
            }
        }
        int status = response.statusCode();
        if (status == 403) {
            throw new InsightsAuthenticationException("Insights API rejected " + InsightsUrls.describe(url)
                    + " (HTTP 403): the API key (mv_api_key) is probably wrong, or the API client lacks the scopes in "
                    + InsightsSettings.SCOPES + ".");
        }
        if (status != 200) {
            throw new InsightsResponseException("Insights API returned HTTP " + status + " for "
                    + InsightsUrls.describe(url) + "; expected 200.");
        }
        return response.body();
    }

    private HttpRequest apiRequest(URI url, AccessToken bearer) {
        return HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + bearer.value())
                .header("x-api-key", credentials.apiKey())
                .header("Content-Type", JSON_API)
                .header("Accept", JSON_API)
                .GET()
                .build();
    }

    private synchronized AccessToken currentToken() {
        if (token == null || token.expiresWithin(clock.instant(), RENEW_MARGIN_SECONDS)) {
            token = requestToken();
        }
        return token;
    }

    /** Drops the token unless another thread already replaced it after the same 401. */
    private synchronized void renewIfStill(AccessToken rejected) {
        if (token == rejected) {
            token = null;
        }
    }

    private AccessToken requestToken() {
        URI iam = settings.iamUrl();
        Instant requestedAt = clock.instant();
        String form = "grant_type=client_credentials&scope="
                + URLEncoder.encode(String.join(" ", settings.scopes()), StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString(
                (credentials.clientId() + ":" + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = execute(() -> HttpRequest.newBuilder(iam)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Basic " + basic)
                .header("x-api-key", credentials.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), iam);
        int status = response.statusCode();
        if (status == 401) {
            throw new InsightsAuthenticationException("Insights token endpoint " + InsightsUrls.describe(iam)
                    + " rejected the client credentials (HTTP 401): the client id (mv_client_id) or client secret"
                    + " (mv_secret) is probably wrong. Update the secret with the values of the API client.");
        }
        if (status == 403) {
            throw new InsightsAuthenticationException("Insights token endpoint " + InsightsUrls.describe(iam)
                    + " rejected the request (HTTP 403): the API key (mv_api_key) is probably wrong."
                    + " Update the secret with the API key of the API client.");
        }
        if (status == 400) {
            throw new InsightsAuthenticationException("Insights token endpoint " + InsightsUrls.describe(iam)
                    + " rejected the token request (HTTP 400): check the scopes in " + InsightsSettings.SCOPES
                    + " and the client id (mv_client_id).");
        }
        if (status != 200) {
            throw new InsightsResponseException("Insights token endpoint " + InsightsUrls.describe(iam)
                    + " returned HTTP " + status + "; expected 200. Check " + InsightsSettings.IAM_URL + ".");
        }
        return readToken(response.body(), iam, requestedAt);
    }

    private AccessToken readToken(byte[] body, URI iam, Instant requestedAt) {
        JsonNode root = parse(body, iam);
        JsonNode accessToken = root.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new InsightsResponseException("Invalid token response from " + InsightsUrls.describe(iam)
                    + ": it has no access_token. Check " + InsightsSettings.IAM_URL + ".");
        }
        JsonNode expiresIn = root.get("expires_in");
        long lifetime = DEFAULT_EXPIRES_IN_SECONDS;
        if (expiresIn != null && expiresIn.isIntegralNumber()) {
            lifetime = expiresIn.longValue();
        } else if (expiresIn != null && expiresIn.isTextual() && expiresIn.asText().trim().matches("\\d{1,9}")) {
            lifetime = Long.parseLong(expiresIn.asText().trim());
        }
        // Counting from the moment of the request keeps the computed expiry on the safe side.
        AccessToken issued = new AccessToken(accessToken.asText(), requestedAt.plusSeconds(lifetime));
        LOG.info("Obtained an Insights access token valid for {} s", lifetime);
        return issued;
    }

    /**
     * Sends a request, retrying network errors, timeouts, 429 and 5xx up to the configured
     * attempts. Any other status is returned to the caller.
     */
    private HttpResponse<byte[]> execute(Supplier<HttpRequest> request, URI url) {
        int maxAttempts = settings.maxAttempts();
        String problem = null;
        Exception lastError = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return response;
                }
                problem = "HTTP " + status;
                lastError = null;
                Optional<Duration> retryAfter = status == 429 || status == 503
                        ? delays.retryAfter(response.headers().firstValue("Retry-After"))
                        : Optional.empty();
                wait = retryAfter.isPresent() ? retryAfter.get() : delays.backoff(attempt);
                if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
                    throw new InsightsUnavailableException("Insights request " + InsightsUrls.describe(url)
                            + " returned " + problem + " with Retry-After " + wait.toSeconds() + " s, longer than the "
                            + MAX_RETRY_AFTER.toSeconds() + " s this run waits. Retry the run later.", null);
                }
            } catch (HttpTimeoutException e) {
                problem = "timed out after " + settings.requestTimeout().toMillis() + " ms";
                lastError = e;
                wait = delays.backoff(attempt);
            } catch (IOException e) {
                problem = "network error " + e.getClass().getSimpleName();
                lastError = e;
                wait = delays.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InsightsUnavailableException("Interrupted while requesting " + InsightsUrls.describe(url) + ".", e);
            }
            if (attempt == maxAttempts) {
                break;
            }
            LOG.warn("Insights request {} failed ({}), attempt {} of {}; retrying in {} ms",
                    InsightsUrls.describe(url), problem, attempt, maxAttempts, wait.toMillis());
            pause(wait, url);
        }
        throw new InsightsUnavailableException("Insights request " + InsightsUrls.describe(url) + " failed on all "
                + maxAttempts + " attempts, the last with " + problem + ". The service is unavailable or overloaded,"
                + " so the run can be retried later (" + InsightsSettings.MAX_ATTEMPTS + " sets the attempts);"
                + " if connections keep failing, check the URL (" + InsightsSettings.API_URL + " or "
                + InsightsSettings.IAM_URL + ", --api-url or --iam-url in the CLI).", lastError);
    }

    private void pause(Duration wait, URI url) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsightsUnavailableException("Interrupted while waiting to retry " + InsightsUrls.describe(url) + ".", e);
        }
    }

    /** Builds a client; every collaborator except the settings and credentials has a production default. */
    public static final class Builder {

        private final InsightsSettings settings;
        private final InsightsCredentials credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private HttpClient http;

        private Builder(InsightsSettings settings, InsightsCredentials credentials) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /** Sets the clock that decides token expiry and {@code Retry-After} dates. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Sets how the client waits between attempts. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** Sets the source of jitter fractions in [0, 1). */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = value;
            return this;
        }

        /** Sets the HTTP client, which must have a connect timeout; by default one is built from the settings. */
        public Builder httpClient(HttpClient value) {
            this.http = value;
            return this;
        }

        public InsightsClient build() {
            return new InsightsClient(this);
        }
    }
}
