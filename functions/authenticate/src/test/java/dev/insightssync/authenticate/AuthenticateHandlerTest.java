package dev.insightssync.authenticate;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.testing.InsightsFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End-to-end test of {@link AuthenticateHandler} with Secrets Manager and Insights on WireMock. */
class AuthenticateHandlerTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeAll
    static void offlineAws() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Test
    void process_fixtureSecret_writesTimesAndNoToken() throws Exception {
        InsightsFixtures.stubTenant(SERVER);
        InsightsFixtures.stubSecretsManager(SERVER.getRuntimeInfo().getWireMock());
        Map<String, String> values = new HashMap<>(InsightsFixtures.settings(SERVER.baseUrl()));
        values.put("INSIGHTS_SECRET_ARN", InsightsFixtures.SECRET_ARN);
        values.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", SERVER.baseUrl());
        String input = "{\"run\":{\"executionName\":\"exec-a\",\"startedAt\":\"2026-12-04T00:00:00Z\"}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant before = Instant.now();

        new AuthenticateHandler(new Settings(values)).process(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);

        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode output = Json.mapper().readTree(text);
        assertThat(output.size()).isEqualTo(2);
        Instant authenticatedAt = Instant.parse(output.get("authenticatedAt").asText());
        Instant expiresAt = Instant.parse(output.get("tokenExpiresAt").asText());
        assertThat(authenticatedAt).isBetween(before, Instant.now());
        assertThat(Duration.between(before, expiresAt)).isBetween(Duration.ofSeconds(600), Duration.ofSeconds(610));
        assertThat(text).doesNotContain(InsightsFixtures.ACCESS_TOKEN);
    }
}
