package dev.insightssync.common.insights;

import dev.insightssync.common.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Connection and paging settings of the Insights client.
 *
 * @param iamUrl         OAuth token endpoint ({@code INSIGHTS_IAM_URL})
 * @param apiUrl         API base URL without a trailing slash ({@code INSIGHTS_API_URL})
 * @param scopes         OAuth scopes requested ({@code INSIGHTS_SCOPES}, separated by spaces)
 * @param pageLimit      {@code page[limit]} sent on the first request of a listing ({@code INSIGHTS_PAGE_LIMIT})
 * @param maxPages       pages one listing may have before the run fails ({@code INSIGHTS_MAX_PAGES})
 * @param concurrency    campaigns whose IOC pages are fetched at the same time ({@code INSIGHTS_CONCURRENCY})
 * @param maxAttempts    attempts per request for 429, 5xx and network errors ({@code INSIGHTS_MAX_ATTEMPTS})
 * @param connectTimeout TCP and TLS connect timeout ({@code INSIGHTS_CONNECT_TIMEOUT_SECONDS})
 * @param requestTimeout timeout of one request until the whole body arrived ({@code INSIGHTS_REQUEST_TIMEOUT_SECONDS})
 * @param backoffBase    delay before the second attempt; later ones double it, with full jitter
 * @param backoffMax     upper bound of one backoff delay ({@code Retry-After} is honoured beyond it)
 */
public record InsightsSettings(
        URI iamUrl,
        URI apiUrl,
        List<String> scopes,
        int pageLimit,
        int maxPages,
        int concurrency,
        int maxAttempts,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration backoffBase,
        Duration backoffMax) {

    public static final String IAM_URL = "INSIGHTS_IAM_URL";
    public static final String API_URL = "INSIGHTS_API_URL";
    public static final String SCOPES = "INSIGHTS_SCOPES";
    public static final String PAGE_LIMIT = "INSIGHTS_PAGE_LIMIT";
    public static final String MAX_PAGES = "INSIGHTS_MAX_PAGES";
    public static final String CONCURRENCY = "INSIGHTS_CONCURRENCY";
    public static final String MAX_ATTEMPTS = "INSIGHTS_MAX_ATTEMPTS";
    public static final String CONNECT_TIMEOUT_SECONDS = "INSIGHTS_CONNECT_TIMEOUT_SECONDS";
    public static final String REQUEST_TIMEOUT_SECONDS = "INSIGHTS_REQUEST_TIMEOUT_SECONDS";

    public static final String DEFAULT_IAM_URL = "https://iam.mcafee-cloud.com/iam/v1.1/token";
    public static final String DEFAULT_API_URL = "https://api.mvision.mcafee.com";
    public static final String DEFAULT_SCOPES = "ins.user ins.suser ins.ms.r";
    public static final int DEFAULT_PAGE_LIMIT = 100;
    /** With the default page limit this allows 100,000 IOCs in one campaign. */
    public static final int DEFAULT_MAX_PAGES = 1000;
    public static final int DEFAULT_CONCURRENCY = 4;
    /** One attempt plus four retries: public Insights integrations retry 429 and 5xx four times. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public InsightsSettings {
        scopes = List.copyOf(scopes);
        String api = apiUrl.toString();
        if (api.endsWith("/")) {
            apiUrl = URI.create(api.substring(0, api.length() - 1));
        }
    }

    /** Reads the settings, applying the defaults documented on each constant. */
    public static InsightsSettings from(Settings settings) {
        List<String> scopes = Arrays.stream(settings.text(SCOPES, DEFAULT_SCOPES).trim().split("\\s+")).toList();
        return new InsightsSettings(
                settings.url(IAM_URL, DEFAULT_IAM_URL),
                settings.url(API_URL, DEFAULT_API_URL),
                scopes,
                settings.integer(PAGE_LIMIT, DEFAULT_PAGE_LIMIT, 1, 10_000),
                settings.integer(MAX_PAGES, DEFAULT_MAX_PAGES, 1, 1_000_000),
                settings.integer(CONCURRENCY, DEFAULT_CONCURRENCY, 1, 64),
                settings.integer(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, 20),
                Duration.ofSeconds(settings.integer(CONNECT_TIMEOUT_SECONDS, 10, 1, 300)),
                Duration.ofSeconds(settings.integer(REQUEST_TIMEOUT_SECONDS, 60, 1, 900)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    /** Returns a copy with other endpoints, for tests and the CLI. */
    public InsightsSettings withEndpoints(URI newIamUrl, URI newApiUrl) {
        return new InsightsSettings(newIamUrl, newApiUrl, scopes, pageLimit, maxPages, concurrency, maxAttempts,
                connectTimeout, requestTimeout, backoffBase, backoffMax);
    }
}
