package dev.insightssync.fetch;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.RawFeedManifest;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.InsightsFixtures;
import dev.insightssync.common.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** End-to-end test of {@link FetchCampaignsHandler}: Secrets Manager and Insights on WireMock, S3 on S3Mock. */
class FetchCampaignsHandlerTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension("artifacts");

    @BeforeAll
    static void offlineAws() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Test
    void process_fixtureTenant_storesRawFeed() throws Exception {
        InsightsFixtures.stubTenant(SERVER);
        InsightsFixtures.stubSecretsManager(SERVER.getRuntimeInfo().getWireMock());
        Map<String, String> values = new HashMap<>(InsightsFixtures.settings(SERVER.baseUrl()));
        values.put("INSIGHTS_SECRET_ARN", InsightsFixtures.SECRET_ARN);
        values.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", SERVER.baseUrl());
        values.put("AWS_ENDPOINT_URL_S3", LocalS3.endpoint(S3_MOCK).toString());
        values.put("ARTIFACT_BUCKET", "artifacts");
        String input = "{\"run\":{\"executionName\":\"exec-h1\",\"startedAt\":\"2026-12-04T00:00:00Z\","
                + "\"options\":{\"lookbackDays\":30}}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new FetchCampaignsHandler(new Settings(values))
                .process(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);

        JsonNode output = Json.mapper().readTree(out.toByteArray());
        assertThat(output.toString()).isEqualTo("{\"campaigns\":5,\"iocsFetched\":50,\"windowStart\":\"2026-11-04T00:00:00Z\","
                + "\"manifestKey\":\"runs/exec-h1/raw/manifest.json\",\"windowFromWatermark\":false,"
                + "\"campaignPages\":2,\"iocPages\":10}");
        try (S3Client s3 = LocalS3.client(S3_MOCK)) {
            S3ArtifactStore store = new S3ArtifactStore(s3, "artifacts");
            RawFeedManifest manifest = Json.mapper().readValue(
                    store.read("runs/exec-h1/raw/manifest.json").orElseThrow(), RawFeedManifest.class);
            assertThat(manifest.campaigns()).hasSize(5);
            assertThat(new String(store.read("runs/exec-h1/raw/campaigns/page-0002.json").orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo(InsightsFixtures.body("campaigns-page-2.json", SERVER.baseUrl()));
        }
    }
}
