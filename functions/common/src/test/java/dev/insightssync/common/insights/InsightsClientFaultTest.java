package dev.insightssync.common.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.credentials.InsightsCredentials;
import dev.insightssync.common.testing.InsightsFixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault test of {@link InsightsClient}: each misbehaviour of the API and its exact outcome. */
class InsightsClientFaultTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String LIST = "/insights/v2/campaigns";
    private static final String TOKEN = InsightsFixtures.ACCESS_TOKEN;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stubToken() {
        InsightsFixtures.stubToken(SERVER.getRuntimeInfo().getWireMock());
    }

    @Test
    void tooManyRequests_waitsRetryAfterSeconds() {
        stubScenario(aResponse().withStatus(429).withHeader("Retry-After", "7"), page(List.of("a"), null));

        assertThat(listIds(client(settings()))).containsExactly("a");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void tooManyRequests_waitsUntilRetryAfterDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                InsightsFixtures.NOW.plusSeconds(12).atZone(ZoneId.of("GMT")));
        stubScenario(aResponse().withStatus(429).withHeader("Retry-After", date), page(List.of("a"), null));

        assertThat(listIds(client(settings()))).containsExactly("a");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterBeyondLimit_raisesUnavailable() {
        stubScenario(aResponse().withStatus(429).withHeader("Retry-After", "3600"), page(List.of("a"), null));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining("returned HTTP 429 with Retry-After 3600 s, longer than the 120 s this run waits");
        assertThat(sleeps).isEmpty();
        SERVER.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void serviceUnavailable_thenSuccess_retriesWithJitteredBackoff() {
        stubScenario(aResponse().withStatus(503), page(List.of("a", "b"), null));

        assertThat(listIds(client(settings()))).containsExactly("a", "b");
        // jitter 0.5 of the first bound, 10 ms
        assertThat(sleeps).containsExactly(Duration.ofMillis(5));
    }

    @Test
    void serverErrorEveryAttempt_raisesUnavailable() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining("failed on all 4 attempts, the last with HTTP 502")
                .hasMessageContaining(SERVER.baseUrl() + LIST + "?page[limit]=100");
        SERVER.verify(4, getRequestedFor(urlPathEqualTo(LIST)));
        // full jitter at 0.5 of 10, 20 and 40 ms
        assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void readTimeout_thenSuccess_retries() {
        stubScenario(page(List.of("slow"), null).withFixedDelay(1500), page(List.of("fast"), null));

        assertThat(listIds(client(settings().withTimeout(Duration.ofMillis(300))))).containsExactly("fast");
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void readTimeout_onEveryAttempt_raisesUnavailable() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(page(List.of("slow"), null).withFixedDelay(1500)));

        assertThatThrownBy(() -> listIds(client(settings().withAttempts(2).withTimeout(Duration.ofMillis(200)))))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining("failed on all 2 attempts, the last with timed out after 200 ms");
    }

    @Test
    void connectionReset_onEveryAttempt_raisesUnavailable() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> listIds(client(settings().withAttempts(2))))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining("failed on all 2 attempts, the last with network error");
    }

    @Test
    void malformedJson_raisesResponseErrorNamingUrl() {
        String malformed = "{\"data\": [ {\"id\": \"a\",, } ]}";
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(malformed)));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessage("Invalid Insights response from " + SERVER.baseUrl() + LIST + "?page[limit]=100"
                        + ": the body (" + malformed.length() + " bytes) is not valid JSON. A proxy or an outage page may have responded,"
                        + " so retry later.");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void truncatedBody_raisesResponseError() {
        String full = page(List.of("a", "b"), null).build().getBody();
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(full.substring(0, full.length() / 2))));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void htmlWithStatus200_raisesResponseErrorSayingHtml() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("is not valid JSON but an HTML page")
                .hasMessageNotContaining("Maintenance");
    }

    @Test
    void missingData_raisesResponseError() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(json("{\"errors\":[{\"status\":\"500\"}]}")));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("the JSON document has no 'data' array");
    }

    @Test
    void emptyData_endsListingWithoutDelivering() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(page(List.of(), SERVER.baseUrl() + LIST + "?page[offset]=9")));

        List<InsightsPage> pages = new ArrayList<>();
        assertThat(client(settings()).listCampaigns(pages::add)).isZero();
        assertThat(pages).isEmpty();
        SERVER.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void nextCycle_stopsAtPageAlreadyFetched() {
        String first = SERVER.baseUrl() + LIST + "?page[offset]=0";
        String second = SERVER.baseUrl() + LIST + "?page[offset]=1";
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(5).willReturn(page(List.of("a"), second)));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("page[offset]", equalTo("0"))
                .willReturn(page(List.of("a"), second)));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("page[offset]", equalTo("1"))
                .willReturn(page(List.of("b"), first)));

        InsightsClient client = client(settings());
        List<String> ids = new ArrayList<>();
        int pages = client.forEachPage(URI.create(first.replace("[", "%5B").replace("]", "%5D")),
                page -> page.data().forEach(resource -> ids.add(resource.get("id").asText())));

        assertThat(pages).isEqualTo(2);
        assertThat(ids).containsExactly("a", "b");
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void nextSelfLink_stopsAfterOnePage() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(page(List.of("a"), SERVER.baseUrl() + LIST + "?page[limit]=100")));

        assertThat(listIds(client(settings()))).containsExactly("a");
        SERVER.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void maxPages_raisesPageLimitInsteadOfLooping() {
        // Every page links a new offset, as a server paging forever would.
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", InsightsFixtures.JSON_API)
                .withTransformers("response-template")
                .withBody("{\"data\":[{\"type\":\"campaigns\",\"id\":\"x\"}],\"links\":{\"next\":\""
                        + SERVER.baseUrl() + LIST + "?page[offset]={{randomValue length=12 type='NUMERIC'}}\"}}")));

        assertThatThrownBy(() -> listIds(client(settings().withMaxPages(3))))
                .isInstanceOf(InsightsPageLimitException.class)
                .hasMessageContaining("still links a next page after 3 pages (INSIGHTS_MAX_PAGES)");
        SERVER.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void nextToOtherHost_raisesResponseError() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(page(List.of("a"), "http://127.0.0.2:1/insights/v2/campaigns")));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("links.next leads to http://127.0.0.2:1");
    }

    @Test
    void unauthorizedMidRun_reauthenticatesOnceAndRepeatsRequest() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).inScenario("expiry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).inScenario("expiry").whenScenarioStateIs("renewed")
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(page(List.of("a"), null)));

        assertThat(listIds(client(settings()))).containsExactly("a");
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void unauthorizedAfterRenewal_raisesAuthenticationError() {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsAuthenticationException.class)
                .hasMessageContaining("rejected a freshly issued token")
                .hasMessageNotContaining(TOKEN);
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
        SERVER.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void tokenAboutToExpire_isRenewedBeforeUse() {
        MutableClock clock = new MutableClock(InsightsFixtures.NOW);
        SERVER.stubFor(get(urlPathEqualTo(LIST)).willReturn(page(List.of("a"), null)));
        InsightsClient client = client(settings(), clock, InsightsFixtures.credentials());

        client.listCampaigns(page -> { });
        clock.now = InsightsFixtures.NOW.plusSeconds(539);
        client.listCampaigns(page -> { });
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));

        clock.now = InsightsFixtures.NOW.plusSeconds(541);
        client.listCampaigns(page -> { });
        SERVER.verify(2, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
    }

    @Test
    void tokenWithoutExpiresIn_assumes600Seconds() {
        SERVER.stubFor(post(urlPathEqualTo(InsightsFixtures.IAM_PATH)).atPriority(0)
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"t\"}")));

        assertThat(client(settings()).authenticate().expiresAt()).isEqualTo(InsightsFixtures.NOW.plusSeconds(600));
    }

    @Test
    void wrongClientSecret_namesClientCredentials() {
        InsightsCredentials wrong = new InsightsCredentials(InsightsFixtures.API_KEY, InsightsFixtures.CLIENT_ID, "wrong-secret-9");

        assertThatThrownBy(() -> client(settings(), Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC), wrong).authenticate())
                .isInstanceOf(InsightsAuthenticationException.class)
                .hasMessageContaining("(HTTP 401): the client id (mv_client_id) or client secret (mv_secret) is probably wrong")
                .hasMessageNotContaining("wrong-secret-9");
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
    }

    @Test
    void wrongApiKey_namesApiKey() {
        InsightsCredentials wrong = new InsightsCredentials("wrong-key-7", InsightsFixtures.CLIENT_ID, InsightsFixtures.CLIENT_SECRET);

        assertThatThrownBy(() -> client(settings(), Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC), wrong).authenticate())
                .isInstanceOf(InsightsAuthenticationException.class)
                .hasMessageContaining("(HTTP 403): the API key (mv_api_key) is probably wrong")
                .hasMessageNotContaining("wrong-key-7");
    }

    @Test
    void tokenEndpointUnavailable_raisesUnavailable() {
        SERVER.stubFor(post(urlPathEqualTo(InsightsFixtures.IAM_PATH)).atPriority(0).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client(settings()).authenticate())
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining("failed on all 4 attempts, the last with HTTP 503");
    }

    @Test
    void linksBeforeData_deliversAllPagesInOrder() {
        stubLinksFirstPages(json(linksFirst("c", null)));

        assertThat(listIds(client(settings()))).containsExactly("a", "b", "c");
        SERVER.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void prefetchedPageFailing_raisesUnavailable() {
        stubLinksFirstPages(aResponse().withStatus(502));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining(SERVER.baseUrl() + LIST + "?page[offset]=2 failed on all 4 attempts, the last with HTTP 502");
    }

    @Test
    void linksBeforeData_truncatedPage_raisesResponseError() {
        String next = SERVER.baseUrl() + LIST + "?page[offset]=1";
        String full = linksFirst("a", next);
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(5).willReturn(json(full.substring(0, full.length() - 3))));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("page[offset]", equalTo("1"))
                .willReturn(json(linksFirst("b", null))));

        assertThatThrownBy(() -> listIds(client(settings())))
                .isInstanceOf(InsightsResponseException.class)
                .hasMessageContaining("is not valid JSON");
    }

    private void stubLinksFirstPages(ResponseDefinitionBuilder third) {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(5)
                .willReturn(json(linksFirst("a", SERVER.baseUrl() + LIST + "?page[offset]=1"))));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("page[offset]", equalTo("1"))
                .willReturn(json(linksFirst("b", SERVER.baseUrl() + LIST + "?page[offset]=2"))));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("page[offset]", equalTo("2"))
                .willReturn(third));
    }

    /** Returns a page whose links come before its data, the order in which Insights sends them. */
    private static String linksFirst(String id, String next) {
        return "{\"links\":{\"next\":" + (next == null ? "null" : "\"" + next + "\"") + "},"
                + "\"data\":[{\"type\":\"campaigns\",\"id\":\"" + id + "\"}]}";
    }

    private List<String> listIds(InsightsClient client) {
        List<String> ids = new ArrayList<>();
        client.listCampaigns(page -> page.data().forEach(resource -> ids.add(resource.get("id").asText())));
        return ids;
    }

    private void stubScenario(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        SERVER.stubFor(get(urlPathEqualTo(LIST)).inScenario("fault").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        SERVER.stubFor(get(urlPathEqualTo(LIST)).inScenario("fault").whenScenarioStateIs("recovered")
                .willReturn(then));
    }

    private static ResponseDefinitionBuilder page(List<String> ids, String next) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            data.append(data.length() == 0 ? "" : ",").append("{\"type\":\"campaigns\",\"id\":\"").append(id).append("\"}");
        }
        String links = next == null ? "{\"next\":null}" : "{\"next\":\"" + next + "\"}";
        return json("{\"data\":[" + data + "],\"links\":" + links + "}");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", InsightsFixtures.JSON_API).withBody(body);
    }

    private TestSettings settings() {
        return new TestSettings(InsightsFixtures.insightsSettings(SERVER.baseUrl()));
    }

    private InsightsClient client(TestSettings settings) {
        return client(settings, Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC), InsightsFixtures.credentials());
    }

    private InsightsClient client(TestSettings settings, Clock clock, InsightsCredentials credentials) {
        return InsightsClient.builder(settings.value, credentials)
                .clock(clock)
                .sleeper(sleeps::add)
                .jitter(() -> 0.5)
                .build();
    }

    /** Variations of the fixture settings. */
    private record TestSettings(InsightsSettings value) {

        TestSettings withTimeout(Duration timeout) {
            InsightsSettings s = value;
            return new TestSettings(new InsightsSettings(s.iamUrl(), s.apiUrl(), s.scopes(), s.pageLimit(), s.maxPages(),
                    s.concurrency(), s.maxAttempts(), s.connectTimeout(), timeout, s.backoffBase(), s.backoffMax()));
        }

        TestSettings withAttempts(int attempts) {
            InsightsSettings s = value;
            return new TestSettings(new InsightsSettings(s.iamUrl(), s.apiUrl(), s.scopes(), s.pageLimit(), s.maxPages(),
                    s.concurrency(), attempts, s.connectTimeout(), s.requestTimeout(), s.backoffBase(), s.backoffMax()));
        }

        TestSettings withMaxPages(int maxPages) {
            InsightsSettings s = value;
            return new TestSettings(new InsightsSettings(s.iamUrl(), s.apiUrl(), s.scopes(), s.pageLimit(), maxPages,
                    s.concurrency(), s.maxAttempts(), s.connectTimeout(), s.requestTimeout(), s.backoffBase(), s.backoffMax()));
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
