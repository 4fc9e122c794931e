package dev.insightssync.common.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.insightssync.common.credentials.InsightsCredentials;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the fixture Insights tenant under {@code fixtures/insights/} from WireMock: the token
 * endpoint at {@link #IAM_PATH}, both campaign pages and every IOC page, with the
 * {@code {{baseUrl}}} placeholder replaced by the server's base URL.
 *
 * <p>The token endpoint responds like the real one: 200 for {@link #credentials()}, 403 for the
 * right client id and secret with another API key, 401 otherwise. API requests without the
 * fixture token get 401.
 */
public final class InsightsFixtures {

    /** Path of the token endpoint on the WireMock server. */
    public static final String IAM_PATH = "/iam/v1.1/token";
    public static final String CAMPAIGNS_PATH = "/insights/v2/campaigns";

    public static final String API_KEY = "fixture-api-key";
    public static final String CLIENT_ID = "fixture-client-id";
    public static final String CLIENT_SECRET = "fixture-client-secret";
    /** The {@code access_token} of {@code token.json}. */
    public static final String ACCESS_TOKEN = "fixture-access-token-0f3c9a";
    public static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:insights-api-AbCdEf";

    /** The clock reading the fixture README's expected outcome assumes (with a 30-day lookback). */
    public static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

    /** Every campaign of the tenant in listing order; the last one (updated 2024-01-10) is outside the window. */
    public static final List<String> CAMPAIGN_IDS = List.of(
            "0b5a1d2e-5510-4c2f-9a51-7a3e1f0c5501",
            "1c0471e5-7a2b-4d35-b0c1-2f6a9d3e0002",
            "2d9e0f11-3b4c-4e5d-8f6a-7b8c9d0e0003",
            "3e1f2a33-4c5d-4f6e-9a7b-8c9d0e1f0004",
            "4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005",
            "5a3b4c55-6e7f-4b8a-9c0d-0e1f2a3b0006");

    public static final String JSON_API = "application/vnd.api+json";

    private static final String ROOT = "fixtures/insights/";
    private static final Pattern OFFSET = Pattern.compile("page\\[offset]=(\\d+)");

    private InsightsFixtures() {
    }

    /** Returns the fixture credentials. */
    public static InsightsCredentials credentials() {
        return new InsightsCredentials(API_KEY, CLIENT_ID, CLIENT_SECRET);
    }

    /** Returns the fixture credentials as the secret's JSON. */
    public static String credentialsJson() {
        return "{\"mv_api_key\":\"" + API_KEY + "\",\"mv_client_id\":\"" + CLIENT_ID
                + "\",\"mv_secret\":\"" + CLIENT_SECRET + "\"}";
    }

    /** Returns the settings {@code INSIGHTS_IAM_URL} and {@code INSIGHTS_API_URL} for a server. */
    public static Map<String, String> settings(String baseUrl) {
        return Map.of(
                InsightsSettings.IAM_URL, baseUrl + IAM_PATH,
                InsightsSettings.API_URL, baseUrl);
    }

    /** Returns client settings for a server with short timeouts and backoff, so fault tests stay fast. */
    public static InsightsSettings insightsSettings(String baseUrl) {
        return new InsightsSettings(URI.create(baseUrl + IAM_PATH), URI.create(baseUrl),
                List.of("ins.user", "ins.suser", "ins.ms.r"), 100, 1000, 4, 4,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(50));
    }

    /** Returns the classpath text of a fixture file, with the placeholder still in it. */
    public static String raw(String path) {
        return readResource(ROOT + path).orElseThrow(() -> new IllegalArgumentException("No fixture " + ROOT + path));
    }

    /** Returns a fixture file as the server serves it: the placeholder replaced by {@code baseUrl}. */
    public static String body(String path, String baseUrl) {
        return raw(path).replace("{{baseUrl}}", baseUrl);
    }

    /** Returns the fixture paths of one campaign's IOC pages, in page order. */
    public static List<String> iocPages(String campaignId) {
        List<String> pages = new ArrayList<>();
        for (int page = 1; readResource(ROOT + iocPage(campaignId, page)).isPresent(); page++) {
            pages.add(iocPage(campaignId, page));
        }
        return pages;
    }

    /** Stubs the whole tenant on the server of a {@code @WireMockTest}. */
    public static void stubTenant(WireMockRuntimeInfo server) {
        stubTenant(server.getWireMock(), server.getHttpBaseUrl());
    }

    /** Stubs the whole tenant on the server of a {@link WireMockExtension}. */
    public static void stubTenant(WireMockExtension server) {
        stubTenant(server.getRuntimeInfo());
    }

    /** Stubs the token endpoint and every listing page. */
    public static void stubTenant(WireMock server, String baseUrl) {
        stubToken(server);
        server.register(get(urlPathMatching("/insights/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", JSON_API)
                        .withBody("{\"errors\":[{\"status\":\"401\",\"title\":\"Unauthorized\"}]}")));
        stubListing(server, baseUrl, CAMPAIGNS_PATH, List.of("campaigns-page-1.json", "campaigns-page-2.json"));
        for (String campaignId : CAMPAIGN_IDS) {
            stubListing(server, baseUrl, CAMPAIGNS_PATH + "/" + campaignId + "/iocs", iocPages(campaignId));
        }
    }

    /** Stubs the token endpoint: 200 with {@code token.json}, 403 for a wrong API key, 401 for wrong credentials. */
    public static void stubToken(WireMock server) {
        server.register(post(urlPathEqualTo(IAM_PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));
        server.register(post(urlPathEqualTo(IAM_PATH)).atPriority(5)
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Forbidden\"}")));
        server.register(post(urlPathEqualTo(IAM_PATH)).atPriority(1)
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withHeader("x-api-key", equalTo(API_KEY))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(raw("token.json"))));
    }

    /**
     * Stubs a Secrets Manager {@code GetSecretValue} (JSON 1.1 protocol, {@code POST /}) that
     * returns {@link #credentialsJson()} for {@link #SECRET_ARN}.
     */
    public static void stubSecretsManager(WireMock server) {
        String secret = Json.mapper().createObjectNode()
                .put("ARN", SECRET_ARN)
                .put("Name", "insights-api")
                .put("SecretString", credentialsJson())
                .put("VersionId", "6a1f0c9e-0000-4000-8000-000000000001")
                .toString();
        server.register(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(secret)));
    }

    /**
     * Stubs the pages of one listing. The first page matches any request without an offset,
     * and later pages match the {@code page[offset]} of their own {@code links.self}.
     */
    private static void stubListing(WireMock server, String baseUrl, String path, List<String> pages) {
        for (int index = 0; index < pages.size(); index++) {
            String body = body(pages.get(index), baseUrl);
            MappingBuilder mapping = get(urlPathEqualTo(path))
                    .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                    .withHeader("x-api-key", equalTo(API_KEY));
            if (index == 0) {
                mapping.atPriority(5);
            } else {
                mapping.atPriority(1).withQueryParam("page[offset]", equalTo(selfOffset(body)));
            }
            server.register(mapping.willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", JSON_API)
                    .withBody(body)));
        }
    }

    private static String selfOffset(String body) {
        try {
            JsonNode self = Json.mapper().readTree(body).path("links").path("self");
            Matcher matcher = OFFSET.matcher(self.asText());
            if (!matcher.find()) {
                throw new IllegalStateException("Fixture page without page[offset] in links.self: " + self);
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iocPage(String campaignId, int page) {
        return "iocs/" + campaignId + "-page-" + page + ".json";
    }

    private static java.util.Optional<String> readResource(String name) {
        try (InputStream in = InsightsFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
