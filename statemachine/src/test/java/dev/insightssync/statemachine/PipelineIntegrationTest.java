package dev.insightssync.statemachine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.authenticate.AuthenticateHandler;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.step.WriteThreatListInput;
import dev.insightssync.common.step.WriteThreatListOutput;
import dev.insightssync.common.testing.InsightsFixtures;
import dev.insightssync.common.testing.LocalS3;
import dev.insightssync.fetch.FetchCampaignsHandler;
import dev.insightssync.normalize.NormalizeIocsHandler;
import dev.insightssync.publish.UpdateThreatIntelSetHandler;
import dev.insightssync.write.WriteThreatListHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Integration test: runs the five step handlers in order in this JVM, passing each one the JSON
 * the state machine would. Insights, Secrets Manager and GuardDuty run on WireMock, S3 on S3Mock,
 * and the run starts at the clock reading the fixture's expected lists assume.
 */
class PipelineIntegrationTest {

    private static final String BUCKET = "artifacts";
    private static final String IP_LIST_NAME = "insights-ip-integration";
    private static final String DOMAIN_LIST_NAME = "insights-domain-integration";

    @BeforeAll
    static void useLoopbackCredentials() {
        LoopbackHandlers.useLoopbackCredentials();
    }

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension(BUCKET);

    @RegisterExtension
    static final WireMockExtension INSIGHTS = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void handlersInOrder_publishFixtureLists() throws Exception {
        InsightsFixtures.stubTenant(INSIGHTS);
        InsightsFixtures.stubSecretsManager(AWS.getRuntimeInfo().getWireMock());
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");
        Settings settings = new Settings(handlerSettings());
        RunContext run = new RunContext("integration-run", InsightsFixtures.NOW, SyncOptions.defaults());

        LoopbackHandlers.invoke(new AuthenticateHandler(settings), new AuthenticateInput(run), Object.class);
        FetchCampaignsOutput fetched = LoopbackHandlers.invoke(new FetchCampaignsHandler(settings), new FetchCampaignsInput(run),
                FetchCampaignsOutput.class);
        NormalizeIocsOutput normalized = LoopbackHandlers.invoke(new NormalizeIocsHandler(settings),
                new NormalizeIocsInput(run, fetched.manifestKey()), NormalizeIocsOutput.class);
        WriteThreatListOutput written = LoopbackHandlers.invoke(new WriteThreatListHandler(settings),
                new WriteThreatListInput(run, normalized.indicatorsKey()), WriteThreatListOutput.class);
        UpdateThreatIntelSetOutput published = LoopbackHandlers.invoke(new UpdateThreatIntelSetHandler(settings),
                new UpdateThreatIntelSetInput(run, written.ipList(), written.domainList()), UpdateThreatIntelSetOutput.class);

        assertThat(fetched.campaigns()).isEqualTo(InsightsFixtures.CAMPAIGN_IDS.size() - 1);
        Set<String> expectedIps = lines(InsightsFixtures.raw("expected/ip-list.txt"));
        Set<String> expectedDomains = lines(InsightsFixtures.raw("expected/domain-list.txt"));
        String ipList = object(written.ipList().key());
        String domainList = object(written.domainList().key());
        assertThat(lines(ipList)).isEqualTo(expectedIps);
        assertThat(lines(domainList)).isEqualTo(expectedDomains);
        assertThat(ipList).endsWith("\n").doesNotContain("\r").hasLineCount(expectedIps.size());
        assertThat(written.ipList().key()).isEqualTo("lists/ip/" + sha256(ipList) + ".txt");
        assertThat(written.domainList().key()).isEqualTo("lists/domain/" + sha256(domainList) + ".txt");

        assertThat(published.detectorId()).isEqualTo(GuardDutyStub.DETECTOR_ID);
        assertThat(published.ipList().setId()).isEqualTo(GuardDutyStub.IP_SET_ID);
        assertThat(published.domainList().setId()).isEqualTo(GuardDutyStub.DOMAIN_SET_ID);
        AWS.verify(1, getRequestedFor(urlPathEqualTo("/detector")));
        verifyCreate("/threatintelset", IP_LIST_NAME, written.ipList());
        verifyCreate("/threatentityset", DOMAIN_LIST_NAME, written.domainList());
    }

    private static void verifyCreate(String path, String name, ThreatListFile file) {
        AWS.verify(1, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + path))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .withRequestBody(matchingJsonPath("$.format", equalTo("TXT")))
                .withRequestBody(matchingJsonPath("$.location", equalTo("s3://" + BUCKET + "/" + file.key())))
                .withRequestBody(matchingJsonPath("$.activate", equalTo("true"))));
    }

    private static Map<String, String> handlerSettings() {
        return LoopbackHandlers.settings(INSIGHTS, AWS, S3_MOCK, IP_LIST_NAME, DOMAIN_LIST_NAME);
    }

    private static String object(String key) {
        try (S3Client s3 = LocalS3.client(S3_MOCK)) {
            return s3.getObjectAsBytes(builder -> builder.bucket(BUCKET).key(key)).asUtf8String();
        }
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static Set<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).collect(Collectors.toSet());
    }
}
