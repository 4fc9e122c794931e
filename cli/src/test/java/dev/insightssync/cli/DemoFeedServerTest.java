package dev.insightssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Tests of the demo feed server over real HTTP on loopback. */
class DemoFeedServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shiftDates_movesDatePartOnly() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(LocalDate.of(2027, 1, 3))) {
            String shifted = server.shiftDates(
                    "{\"a\":\"2026-11-30T08:15:00.000Z\",\"b\":\"2026-12-01T22:40:11Z\",\"c\":\"2026-11-28T13:02:55.120+00:00\"}");

            assertThat(shifted).isEqualTo(
                    "{\"a\":\"2026-12-30T08:15:00.000Z\",\"b\":\"2026-12-31T22:40:11Z\",\"c\":\"2026-12-28T13:02:55.120+00:00\"}");
        }
    }

    @Test
    void campaigns_nextLinkUsesBaseUrl() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(DemoFeedServer.REFERENCE_DATE)) {
            HttpResponse<String> first = get(server.apiUrl().resolve("/insights/v2/campaigns?page[limit]=100"));

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"next\": \"" + server.apiUrl() + "/insights/v2/campaigns?page[offset]=4&page[limit]=4\"");
            assertThat(first.body()).doesNotContain("{{baseUrl}}");

            HttpResponse<String> second = get(URI.create(server.apiUrl() + "/insights/v2/campaigns?page%5Boffset%5D=4&page%5Blimit%5D=4"));
            assertThat(second.body()).contains("5a3b4c55-6e7f-4b8a-9c0d-0e1f2a3b0006");
        }
    }

    @Test
    void api_withoutApiKey_returns403() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(DemoFeedServer.REFERENCE_DATE)) {
            HttpRequest request = HttpRequest.newBuilder(server.apiUrl().resolve("/insights/v2/campaigns")).GET().build();

            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void token_withWrongSecret_returns401() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start(DemoFeedServer.REFERENCE_DATE)) {
            HttpRequest request = HttpRequest.newBuilder(server.iamUrl())
                    .header("Authorization", "Basic ZGVtby1jbGllbnQ6d3Jvbmc=")
                    .header("x-api-key", DemoFeedServer.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();

            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("x-api-key", DemoFeedServer.API_KEY).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
