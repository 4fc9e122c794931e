package dev.insightssync.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.testing.InsightsFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end test of {@code run} against a WireMock Insights API on loopback that injects a 503,
 * a 429 with {@code Retry-After} and an expired token: the sync still succeeds and fetches every
 * IOC page exactly once.
 */
class RunCommandFaultTest {

    private static final String CONTI = "1c0471e5-7a2b-4d35-b0c1-2f6a9d3e0002";
    private static final String GHOST_DNS = "4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005";

    @RegisterExtension
    static final WireMockExtension INSIGHTS = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void run_withFaults_fetchesEveryPageOnce() throws Exception {
        InsightsFixtures.stubTenant(INSIGHTS);
        failOnce("campaigns", InsightsFixtures.CAMPAIGNS_PATH, aResponse().withStatus(503));
        failOnce("conti", InsightsFixtures.CAMPAIGNS_PATH + "/" + CONTI + "/iocs",
                aResponse().withStatus(429).withHeader("Retry-After", "1"));
        failOnce("ghost-dns", InsightsFixtures.CAMPAIGNS_PATH + "/" + GHOST_DNS + "/iocs",
                aResponse().withStatus(401).withBody("{\"errors\":[{\"title\":\"token expired\"}]}"));
        Path credentials = Files.writeString(folder.resolve("credentials.json"), InsightsFixtures.credentialsJson());

        int status = InsightsSyncCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", "--api-url", INSIGHTS.baseUrl(), "--iam-url", INSIGHTS.baseUrl() + InsightsFixtures.IAM_PATH,
                "--credentials-file", credentials.toString(), "--output-dir", folder.resolve("out").toString(),
                "--lookback-days", String.valueOf(daysCoveringFixtureWindow()), "--dry-run", "--json");

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        assertThat(summary.get("campaigns").asInt()).isEqualTo(5);
        assertThat(summary.get("iocsFetched").asLong()).isEqualTo(50);
        assertThat(lines(summary.get("ipList").asText())).isEqualTo(expected("ip-list.txt"));
        assertThat(lines(summary.get("domainList").asText())).isEqualTo(expected("domain-list.txt"));

        Map<String, Long> successfulPages = successfulRequestsByUrl();
        assertThat(successfulPages.keySet().stream().filter(url -> url.contains("/iocs")).count()).isEqualTo(10);
        // Two campaign pages for the fetch, and Authenticate's one-campaign probe (page[limit]=1).
        assertThat(successfulPages.keySet().stream().filter(url -> !url.contains("/iocs")).count()).isEqualTo(3);
        assertThat(successfulPages.values()).allMatch(count -> count == 1L);
        assertThat(faultStatuses()).containsEntry(503, 1L).containsEntry(429, 1L).containsEntry(401, 1L);
        assertThat(err.toString()).doesNotContain(InsightsFixtures.CLIENT_SECRET).doesNotContain(InsightsFixtures.API_KEY);
    }

    /** Makes the first request without an offset to {@code path} fail with {@code response}; later ones pass through. */
    private static void failOnce(String scenario, String path,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        INSIGHTS.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("page[limit]", com.github.tomakehurst.wiremock.client.WireMock.matching(".*"))
                .atPriority(0)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed once")
                .willReturn(response));
    }

    /** Returns a lookback that keeps the fixture window (campaigns from 2026-11-20 on, not the one of 2024) on any date. */
    private static long daysCoveringFixtureWindow() {
        return ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 20), LocalDate.now(ZoneOffset.UTC)) + 7;
    }

    private static Map<String, Long> successfulRequestsByUrl() {
        return INSIGHTS.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/insights/"))
                .filter(event -> event.getResponse().getStatus() == 200)
                .map(ServeEvent::getRequest)
                .collect(Collectors.groupingBy(request -> request.getUrl(), TreeMap::new, Collectors.counting()));
    }

    private static Map<Integer, Long> faultStatuses() {
        return INSIGHTS.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/insights/"))
                .map(event -> event.getResponse().getStatus())
                .filter(status -> status != 200)
                .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
    }

    private static Set<String> lines(String file) throws Exception {
        return Files.readAllLines(Path.of(file), UTF_8).stream().collect(Collectors.toSet());
    }

    private static Set<String> expected(String name) {
        return InsightsFixtures.raw("expected/" + name).lines().filter(line -> !line.isEmpty()).collect(Collectors.toSet());
    }
}
