package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Integration test of {@link UpdateThreatIntelSetHandler} from JSON input to JSON output, with settings as in Lambda. */
class UpdateThreatIntelSetHandlerTest {

    private static final FakeGuardDuty FAKE = new FakeGuardDuty();

    @RegisterExtension
    static final WireMockExtension GUARD_DUTY = FakeGuardDuty.extension(FAKE);

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension(PublishFixtures.BUCKET);

    private static S3Client s3;

    @BeforeAll
    static void connect() {
        // The handler builds its clients from the SDK's default chains: keep them on fixed values.
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
        s3 = LocalS3.client(S3_MOCK);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void process_regionInput_createsThere() throws IOException {
        FAKE.reset(GUARD_DUTY, "det-eu");
        S3ArtifactStore store = new S3ArtifactStore(s3, PublishFixtures.BUCKET);
        ThreatListFile ip = PublishFixtures.ipList(store, 2);
        UpdateThreatIntelSetHandler handler = new UpdateThreatIntelSetHandler(new Settings(Map.of(
                "ARTIFACT_BUCKET", PublishFixtures.BUCKET,
                "AWS_ENDPOINT_URL_S3", LocalS3.endpoint(S3_MOCK).toString(),
                "AWS_ENDPOINT_URL_GUARDDUTY", GUARD_DUTY.baseUrl(),
                "THREAT_INTEL_SET_NAME", "sync-ip",
                "PUBLISH_DOMAIN_LIST", "false")));
        String input = "{\"run\":{\"executionName\":\"exec-7\",\"startedAt\":\"2026-12-04T00:00:00Z\"},"
                + "\"ipList\":" + Json.mapper().writeValueAsString(ip) + ",\"region\":\"eu-west-1\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.process(new ByteArrayInputStream(input.getBytes(UTF_8)), out);

        assertThat(Json.mapper().readValue(out.toByteArray(), UpdateThreatIntelSetOutput.class)).isEqualTo(
                new UpdateThreatIntelSetOutput("eu-west-1", "det-eu",
                        new PublishedThreatList("intel1", "sync-ip", "CREATED", ip.location(), 2, null, true),
                        new PublishedThreatList(null, PublishSettings.DEFAULT_THREAT_ENTITY_SET_NAME, "SKIPPED", null, 0,
                                null, false),
                        true));
        GUARD_DUTY.verify(postRequestedFor(urlEqualTo("/detector/det-eu/threatintelset"))
                .withHeader("Authorization", containing("/eu-west-1/guardduty/aws4_request"))
                .withRequestBody(equalToJson("{\"name\":\"sync-ip\",\"format\":\"TXT\",\"location\":\""
                        + ip.location() + "\",\"activate\":true,\"clientToken\":\""
                        + GuardDutyPublisher.clientToken("det-eu", "sync-ip", ip.location()) + "\"}")));
    }
}
