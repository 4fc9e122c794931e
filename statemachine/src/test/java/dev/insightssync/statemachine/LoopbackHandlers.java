package dev.insightssync.statemachine;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.testing.InsightsFixtures;
import dev.insightssync.common.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Settings and invocation helpers for tests that run the real step handlers against loopback servers. */
final class LoopbackHandlers {

    static final String BUCKET = "artifacts";

    private LoopbackHandlers() {
    }

    /** Gives the SDK a Region and dummy credentials, and keeps it from probing instance metadata. */
    static void useLoopbackCredentials() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    /**
     * Returns the handlers' settings: Insights on {@code insights}, Secrets Manager and GuardDuty
     * on {@code aws}, S3 on {@code s3}, one attempt per Insights request, and the two list names.
     */
    static Map<String, String> settings(WireMockExtension insights, WireMockExtension aws, S3MockExtension s3,
            String ipListName, String domainListName) {
        Map<String, String> settings = new HashMap<>(InsightsFixtures.settings(insights.baseUrl()));
        settings.put("ARTIFACT_BUCKET", BUCKET);
        settings.put("INSIGHTS_SECRET_ARN", InsightsFixtures.SECRET_ARN);
        settings.put("INSIGHTS_MAX_ATTEMPTS", "1");
        settings.put("THREAT_INTEL_SET_NAME", ipListName);
        settings.put("THREAT_ENTITY_SET_NAME", domainListName);
        settings.put("PUBLISH_DOMAIN_LIST", "true");
        settings.put("AWS_ENDPOINT_URL_S3", LocalS3.endpoint(s3).toString());
        settings.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.baseUrl());
        settings.put("AWS_ENDPOINT_URL_GUARDDUTY", aws.baseUrl());
        return settings;
    }

    /** Runs a handler on {@code input} serialized as the state machine would send it, and parses its output. */
    static <O> O invoke(JsonStepHandler<?, ?> handler, Object input, Class<O> outputType) throws Exception {
        return Json.mapper().readValue(invokeRaw(handler, input), outputType);
    }

    /** Runs a handler on {@code input} and returns its output JSON as written. */
    static String invokeRaw(JsonStepHandler<?, ?> handler, Object input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.process(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(input)), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
