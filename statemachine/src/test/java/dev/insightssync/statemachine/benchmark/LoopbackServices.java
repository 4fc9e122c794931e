package dev.insightssync.statemachine.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.adobe.testing.s3mock.S3MockApplication;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.insightssync.common.testing.InsightsFixtures;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the loopback servers the five handlers call and returns the Lambda environment that
 * points them there: WireMock serving the fixture Insights tenant, a second WireMock playing
 * Secrets Manager and GuardDuty, and S3Mock with the artifact bucket.
 *
 * <p>The GuardDuty account has one detector {@value #DETECTOR_ID} and no lists, so every
 * publish creates both lists and finds them {@code ACTIVE}; the state of the servers therefore
 * stays the same from one handler run to the next.
 */
final class LoopbackServices implements AutoCloseable {

    static final String BUCKET = "coldstart-artifacts";
    static final String DETECTOR_ID = "d1";
    static final String IP_SET_ID = "tis0000000000000000000000000001";
    static final String DOMAIN_SET_ID = "tes0000000000000000000000000001";
    static final String IP_LIST_NAME = "insights-ip-coldstart";
    static final String DOMAIN_LIST_NAME = "insights-domain-coldstart";

    private static final String DETECTOR_PATH = "/detector/" + DETECTOR_ID;

    private final WireMockServer insights;
    private final WireMockServer aws;
    private final S3MockApplication s3;

    private LoopbackServices(WireMockServer insights, WireMockServer aws, S3MockApplication s3) {
        this.insights = insights;
        this.aws = aws;
        this.s3 = s3;
    }

    /** Starts and stubs all three servers on free loopback ports. S3Mock takes several seconds to start. */
    static LoopbackServices start() {
        // S3MockApplication removes entries from the map it gets, so it must be mutable.
        Map<String, Object> s3Properties = new HashMap<>();
        s3Properties.put(S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET);
        s3Properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        s3Properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        s3Properties.put(S3MockApplication.PROP_SECURE_CONNECTION, false);
        s3Properties.put(S3MockApplication.PROP_SILENT, true);
        S3MockApplication s3 = S3MockApplication.start(s3Properties);
        WireMockServer insights = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        LoopbackServices services = new LoopbackServices(insights, aws, s3);
        try {
            insights.start();
            aws.start();
            InsightsFixtures.stubTenant(new WireMock(insights), insights.baseUrl());
            InsightsFixtures.stubSecretsManager(new WireMock(aws));
            stubGuardDuty(aws);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /**
     * Returns the environment of a handler JVM: the settings the handlers read, loopback endpoint
     * overrides for every AWS service, a Region, dummy credentials, and IMDS switched off so the
     * SDK never calls the instance metadata address.
     */
    Map<String, String> handlerEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ARTIFACT_BUCKET", BUCKET);
        environment.put("INSIGHTS_SECRET_ARN", InsightsFixtures.SECRET_ARN);
        environment.putAll(InsightsFixtures.settings(insights.baseUrl()));
        environment.put("INSIGHTS_MAX_ATTEMPTS", "1");
        environment.put("THREAT_INTEL_SET_NAME", IP_LIST_NAME);
        environment.put("THREAT_ENTITY_SET_NAME", DOMAIN_LIST_NAME);
        environment.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getHttpPort());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.baseUrl());
        environment.put("AWS_ENDPOINT_URL_GUARDDUTY", aws.baseUrl());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    @Override
    public void close() {
        s3.stop();
        aws.stop();
        insights.stop();
    }

    private static void stubGuardDuty(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/detector")).willReturn(json("{\"detectorIds\":[\"" + DETECTOR_ID + "\"]}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH)).willReturn(json("{\"status\":\"ENABLED\"}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatintelset"))
                .willReturn(json("{\"threatIntelSetIds\":[]}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatentityset"))
                .willReturn(json("{\"threatEntitySetIds\":[]}")));
        server.stubFor(post(urlPathEqualTo(DETECTOR_PATH + "/threatintelset"))
                .willReturn(json("{\"threatIntelSetId\":\"" + IP_SET_ID + "\"}")));
        server.stubFor(post(urlPathEqualTo(DETECTOR_PATH + "/threatentityset"))
                .willReturn(json("{\"threatEntitySetId\":\"" + DOMAIN_SET_ID + "\"}")));
        stubActive(server, "/threatintelset/" + IP_SET_ID, IP_LIST_NAME);
        stubActive(server, "/threatentityset/" + DOMAIN_SET_ID, DOMAIN_LIST_NAME);
    }

    private static void stubActive(WireMockServer server, String path, String name) {
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + path)).willReturn(json("{\"name\":\"" + name
                + "\",\"format\":\"TXT\",\"location\":\"s3://" + BUCKET + "/lists/\",\"status\":\"ACTIVE\",\"tags\":{}}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
