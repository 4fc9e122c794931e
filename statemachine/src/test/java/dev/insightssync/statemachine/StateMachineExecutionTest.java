package dev.insightssync.statemachine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.authenticate.AuthenticateHandler;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.testing.InsightsFixtures;
import dev.insightssync.common.testing.LocalS3;
import dev.insightssync.fetch.FetchCampaignsHandler;
import dev.insightssync.normalize.NormalizeIocsHandler;
import dev.insightssync.publish.ThreatListStatusHandler;
import dev.insightssync.publish.UpdateThreatIntelSetHandler;
import dev.insightssync.write.WriteThreatListHandler;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Execution test: runs threat-intel-sync.asl.json on aws-local-stepfunctions with the six real
 * handlers behind the task bridge, Insights, Secrets Manager and GuardDuty on WireMock, and S3 on
 * S3Mock.
 *
 * <p>aws-local-stepfunctions sets {@code $$.Execution.StartTime} to the current time and offers no
 * way to change it, so the execution input requests a lookback that reaches from today back past
 * the oldest in-window fixture campaign (2026-11-20) but not to the stale one (2024-01-10); the
 * fixture's expected lists then hold on any day until the lookback limit of the fetch step.
 */
class StateMachineExecutionTest {

    private static final String BUCKET = "artifacts";
    private static final String IP_LIST_NAME = "insights-ip-test";
    private static final String DOMAIN_LIST_NAME = "insights-domain-test";
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:insights-sync-alerts";
    private static final LocalDate OLDEST_FIXTURE_CAMPAIGN = LocalDate.of(2026, 11, 20);

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

    @TempDir
    Path workDir;

    private TaskBridge bridge;
    private S3Client s3;

    @BeforeEach
    void startBridge() throws Exception {
        InsightsFixtures.stubTenant(INSIGHTS);
        InsightsFixtures.stubSecretsManager(AWS.getRuntimeInfo().getWireMock());
        s3 = LocalS3.client(S3_MOCK);
        // The bucket outlives each test, so remove the commit of an earlier test.
        s3.listObjectsV2(request -> request.bucket(BUCKET).prefix("state/")).contents()
                .forEach(object -> s3.deleteObject(request -> request.bucket(BUCKET).key(object.key())));
        Settings settings = new Settings(LoopbackHandlers.settings(INSIGHTS, AWS, S3_MOCK, IP_LIST_NAME, DOMAIN_LIST_NAME));
        bridge = new TaskBridge()
                .function("fn-authenticate", new AuthenticateHandler(settings))
                .function("fn-fetch-campaigns", new FetchCampaignsHandler(settings))
                .function("fn-normalize-iocs", new NormalizeIocsHandler(settings))
                .function("fn-write-threat-list", new WriteThreatListHandler(settings))
                .function("fn-update-threat-intel-set", new UpdateThreatIntelSetHandler(settings))
                .function("fn-threat-list-status", new ThreatListStatusHandler(settings))
                .service("aws-sdk:s3:copyObject", this::copyObject)
                .service("aws-sdk:s3:putObject", this::putObject)
                .service("sns:publish", request -> Json.mapper().createObjectNode().put("MessageId", "message-1"));
    }

    @AfterEach
    void stopBridge() {
        bridge.close();
        s3.close();
    }

    @Test
    void run_withFixtureTenant_publishesLists() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");

        LocalExecution.Result result = run("sync-happy-path");

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        assertThat(result.states()).containsSubsequence("ListPublishRegions", "PublishToRegions", "UpdateThreatIntelSet",
                "ShouldAwaitActivation", "GetThreatListStatus", "EvaluateActivation", "RegionSucceeded",
                "EvaluateRegions", "PrepareCommit");
        assertThat(result.states()).endsWith("CommitIndicatorState", "CommitWatermark", "ShouldNotifySuccess", "SyncSucceeded");
        JsonNode lists = result.output().path("write").path("result");
        Set<String> expectedIps = lines(InsightsFixtures.raw("expected/ip-list.txt"));
        Set<String> expectedDomains = lines(InsightsFixtures.raw("expected/domain-list.txt"));
        assertThat(lists.path("ipList").path("entries").asInt()).isEqualTo(expectedIps.size());
        assertThat(lists.path("domainList").path("entries").asInt()).isEqualTo(expectedDomains.size());
        assertThat(lines(object(lists.path("ipList").path("key").asText()))).isEqualTo(expectedIps);
        assertThat(lines(object(lists.path("domainList").path("key").asText()))).isEqualTo(expectedDomains);
        JsonNode regions = result.output().path("publish").path("regions");
        assertThat(regions.size()).isEqualTo(1);
        JsonNode publish = regions.path(0);
        assertThat(publish.path("region").asText()).isEqualTo("us-east-1");
        assertThat(publish.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(publish.path("detectorId").asText()).isEqualTo(GuardDutyStub.DETECTOR_ID);
        assertThat(publish.path("ipList").path("setId").asText()).isEqualTo(GuardDutyStub.IP_SET_ID);
        assertThat(publish.path("domainList").path("setId").asText()).isEqualTo(GuardDutyStub.DOMAIN_SET_ID);
        assertThat(bridge.callsTo("task/sns:publish")).isEmpty();
    }

    @Test
    void run_carriesNoCredentials() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");

        LocalExecution.Result result = run("sync-no-secrets");

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        List<String> traffic = new ArrayList<>();
        traffic.add(result.output().toString());
        bridge.calls().forEach(call -> traffic.add(call.body().toString()));
        assertThat(traffic).hasSizeGreaterThan(5).allSatisfy(text -> assertThat(text)
                .doesNotContain(InsightsFixtures.ACCESS_TOKEN)
                .doesNotContain(InsightsFixtures.CLIENT_SECRET)
                .doesNotContain(InsightsFixtures.API_KEY)
                .doesNotContain(InsightsFixtures.CLIENT_ID));
    }

    @Test
    void run_afterSuccess_commitsWatermarkAndIndicatorState() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");

        LocalExecution.Result result = run("sync-commit");

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        JsonNode run = result.output().path("run");
        JsonNode watermark = Json.mapper().readTree(object("state/watermark.json"));
        assertThat(watermark.path("fetchStartedAt").asText()).isEqualTo(run.path("startedAt").asText());
        assertThat(watermark.path("executionName").asText()).isEqualTo("sync-commit");
        assertThat(watermark.size()).isEqualTo(2);
        String stateKey = result.output().path("normalize").path("result").path("stateKey").asText();
        assertThat(stateKey).isEqualTo("runs/sync-commit/indicator-state.json");
        assertThat(object("state/indicators.json")).isEqualTo(object(stateKey));
    }

    @Test
    void run_authenticateThrows_notifiesThenFails() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");
        AWS.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + InsightsFixtures.SECRET_ARN + "\",\"SecretString\":"
                                + Json.mapper().writeValueAsString("{\"mv_api_key\":\"revoked-key\",\"mv_client_id\":\""
                                        + InsightsFixtures.CLIENT_ID + "\",\"mv_secret\":\"" + InsightsFixtures.CLIENT_SECRET + "\"}")
                                + "}")));

        LocalExecution.Result result = run("sync-auth-fails");

        String error = "dev.insightssync.common.insights.InsightsAuthenticationException";
        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo(error);
        assertThat(result.states()).containsExactly(
                "PrepareRun", "Authenticate", "AuthenticateFailed", "NotifyFailure", "SyncFailed");
        List<JsonNode> notifications = bridge.callsTo("task/sns:publish");
        assertThat(notifications).hasSize(1);
        JsonNode notification = notifications.get(0);
        assertThat(notification.path("TopicArn").asText()).isEqualTo(TOPIC_ARN);
        assertThat(notification.path("Subject").asText())
                .isEqualTo("insights-sync failed in Authenticate: InsightsAuthenticationException");
        String message = notification.path("Message").asText();
        assertThat(message)
                .contains("Failed state: Authenticate\n")
                .contains("Error: " + error + "\n")
                .contains("Execution: " + LocalExecution.executionArn("sync-auth-fails") + "\n")
                .contains("aws stepfunctions start-execution --state-machine-arn " + LocalExecution.STATE_MACHINE_ARN + "\n")
                .contains("aws stepfunctions redrive-execution --execution-arn "
                        + LocalExecution.executionArn("sync-auth-fails"))
                .doesNotContain(InsightsFixtures.CLIENT_SECRET)
                .doesNotContain("revoked-key");
        assertThat(bridge.callsTo("lambda/fn-fetch-campaigns")).isEmpty();
    }

    @Test
    void run_listInError_notifiesThenFails() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ERROR");

        LocalExecution.Result result = run("sync-list-error");

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("GuardDuty.PublishFailedInRegions");
        assertThat(result.states()).containsSubsequence("UpdateThreatIntelSet", "GetThreatListStatus",
                "EvaluateActivation", "ThreatListActivationFailed", "RegionFailed", "EvaluateRegions", "CollectFailedRegions",
                "RegionsFailed", "NotifyFailure", "SyncFailed");
        assertThat(result.states()).doesNotContain("CommitWatermark");
        JsonNode notification = bridge.callsTo("task/sns:publish").get(0);
        assertThat(notification.path("Subject").asText())
                .isEqualTo("insights-sync failed in PublishToRegions: PublishFailedInRegions");
        assertThat(notification.path("Message").asText())
                .contains("Publishing failed in 1 of 1 Regions")
                .contains("us-east-1: FAILED in AwaitThreatListActivation with GuardDuty.ThreatListActivationFailed")
                .contains("on detector d1 in Region us-east-1")
                .containsPattern("ipList.{1,4}ERROR");
        assertThat(s3.listObjectsV2(request -> request.bucket(BUCKET).prefix("state/")).contents()).isEmpty();
    }

    @Test
    void run_listsStayActivating_timesOut() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVATING");

        LocalExecution.Result result = run("sync-list-slow");

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("GuardDuty.PublishFailedInRegions");
        // ActivationTimeoutMinutes is 3: the first check, then one check after each of three waits.
        assertThat(result.states().stream().filter("WaitForActivation"::equals)).hasSize(3);
        assertThat(bridge.callsTo("lambda/fn-threat-list-status")).hasSize(4);
        assertThat(bridge.callsTo("task/sns:publish").get(0).path("Message").asText())
                .contains("us-east-1: FAILED in AwaitThreatListActivation with GuardDuty.ThreatListActivationTimeout");
    }

    @Test
    void run_twoRegions_publishesToBothAndCommits() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");

        LocalExecution.Result result = run("sync-two-regions", substitutions("us-east-1,eu-west-1"));

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        JsonNode regions = result.output().path("publish").path("regions");
        assertThat(regions.size()).isEqualTo(2);
        assertThat(regions.path(0).path("region").asText()).isEqualTo("us-east-1");
        assertThat(regions.path(1).path("region").asText()).isEqualTo("eu-west-1");
        for (JsonNode region : regions) {
            assertThat(region.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(region.path("ipList").path("action").asText()).isEqualTo("CREATED");
            assertThat(region.path("domainList").path("action").asText()).isEqualTo("CREATED");
        }
        assertThat(bridge.callsTo("lambda/fn-update-threat-intel-set")).extracting(call -> call.path("region").asText())
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        for (String region : List.of("us-east-1", "eu-west-1")) {
            AWS.verify(1, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + "/threatintelset"))
                    .withHeader("Authorization", containing("/" + region + "/guardduty/aws4_request")));
        }
        assertThat(result.states()).endsWith("CommitIndicatorState", "CommitWatermark", "ShouldNotifySuccess", "SyncSucceeded");
        assertThat(object("state/watermark.json")).contains("sync-two-regions");
    }

    @Test
    void run_oneRegionFails_othersStillPublished() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");
        GuardDutyStub.stubMemberAccount(AWS, "eu-west-1");

        LocalExecution.Result result = run("sync-region-fails", substitutions("us-east-1,eu-west-1"));

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("GuardDuty.PublishFailedInRegions");
        assertThat(result.states()).contains("RegionSucceeded", "RegionFailed")
                .endsWith("EvaluateRegions", "CollectFailedRegions", "RegionsFailed", "PublishToRegionsFailed",
                        "NotifyFailure", "SyncFailed");
        AWS.verify(1, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + "/threatintelset"))
                .withHeader("Authorization", containing("/us-east-1/guardduty/aws4_request")));
        AWS.verify(1, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + "/threatentityset"))
                .withHeader("Authorization", containing("/us-east-1/guardduty/aws4_request")));
        List<JsonNode> notifications = bridge.callsTo("task/sns:publish");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).path("Subject").asText())
                .isEqualTo("insights-sync failed in PublishToRegions: PublishFailedInRegions");
        assertThat(notifications.get(0).path("Message").asText())
                .contains("Failed state: PublishToRegions\n")
                .contains("Publishing failed in 1 of 2 Regions")
                .contains("us-east-1: SUCCEEDED (IP list CREATED, domain list CREATED)")
                .contains("eu-west-1: FAILED in UpdateThreatIntelSet with dev.insightssync.publish.GuardDutyMemberAccountException")
                .contains("member account");
        assertThat(s3.listObjectsV2(request -> request.bucket(BUCKET).prefix("state/")).contents()).isEmpty();
    }

    @Test
    void run_notifyOnSuccess_sendsSummaryAfterCommit() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");
        Map<String, String> substitutions = substitutions("us-east-1,eu-west-1");
        substitutions.put("NotifyOnSuccess", "true");

        LocalExecution.Result result = run("sync-notify-success", substitutions);

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        assertThat(result.states()).endsWith("CommitWatermark", "ShouldNotifySuccess", "NotifySuccess", "SyncSucceeded");
        List<JsonNode> notifications = bridge.callsTo("task/sns:publish");
        assertThat(notifications).hasSize(1);
        JsonNode write = result.output().path("write").path("result");
        JsonNode normalize = result.output().path("normalize").path("result");
        JsonNode fetch = result.output().path("fetch").path("result");
        int ipEntries = write.path("ipList").path("entries").asInt();
        int domainEntries = write.path("domainList").path("entries").asInt();
        assertThat(notifications.get(0).path("TopicArn").asText()).isEqualTo(TOPIC_ARN);
        assertThat(notifications.get(0).path("Subject").asText())
                .isEqualTo("insights-sync synced " + ipEntries + " IPv4 and " + domainEntries + " domain entries");
        assertThat(notifications.get(0).path("Message").asText())
                .contains("Campaigns: " + fetch.path("campaigns").asInt() + "\n")
                .contains("IOCs fetched: " + fetch.path("iocsFetched").asLong() + "\n")
                .contains("IPv4 list entries: " + ipEntries + "\n")
                .contains("Domain list entries: " + domainEntries + "\n")
                .contains("Dropped IOCs by reason: {")
                .contains(normalize.path("dropped").fieldNames().next())
                .contains("IPv4 list file: " + write.path("ipList").path("location").asText() + "\n")
                .contains("Domain list file: " + write.path("domainList").path("location").asText() + "\n")
                .contains("us-east-1: SUCCEEDED (IP list CREATED, domain list CREATED)")
                .contains("eu-west-1: SUCCEEDED (IP list CREATED, domain list CREATED)")
                .contains("Execution: " + LocalExecution.executionArn("sync-notify-success"));
        assertThat(object("state/watermark.json")).contains("sync-notify-success");
    }

    @Test
    void run_notifyOnSuccessOff_sendsNothing() throws Exception {
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");

        LocalExecution.Result result = run("sync-quiet-success");

        assertThat(result.status()).as(result.cause()).isEqualTo("SUCCEEDED");
        assertThat(result.states()).endsWith("CommitWatermark", "ShouldNotifySuccess", "SyncSucceeded");
        assertThat(bridge.callsTo("task/sns:publish")).isEmpty();
    }

    private LocalExecution.Result run(String executionName) throws Exception {
        return run(executionName, substitutions());
    }

    private LocalExecution.Result run(String executionName, Map<String, String> substitutions) throws Exception {
        long lookbackDays = ChronoUnit.DAYS.between(OLDEST_FIXTURE_CAMPAIGN, LocalDate.now(ZoneOffset.UTC)) + 7;
        ObjectNode input = Json.mapper().createObjectNode().put("lookbackDays", lookbackDays);
        return LocalExecution.run(bridge, substitutions, executionName, input, workDir);
    }

    /** Returns the substitutions of a stack in us-east-1 that publishes there only. */
    private static Map<String, String> substitutions() {
        return substitutions("us-east-1");
    }

    /** Returns the substitutions of a stack in us-east-1 that publishes to {@code publishRegions}. */
    private static Map<String, String> substitutions(String publishRegions) {
        Map<String, String> values = new TreeMap<>();
        values.put("AuthenticateFunctionArn", "fn-authenticate");
        values.put("FetchCampaignsFunctionArn", "fn-fetch-campaigns");
        values.put("NormalizeIocsFunctionArn", "fn-normalize-iocs");
        values.put("WriteThreatListFunctionArn", "fn-write-threat-list");
        values.put("UpdateThreatIntelSetFunctionArn", "fn-update-threat-intel-set");
        values.put("ThreatListStatusFunctionArn", "fn-threat-list-status");
        values.put("PublishRegions", publishRegions);
        values.put("NotifyOnSuccess", "false");
        values.put("AlertTopicArn", TOPIC_ARN);
        values.put("ArtifactBucketName", BUCKET);
        values.put("ActivationTimeoutMinutes", "3");
        values.put("Region", "us-east-1");
        values.put("StackName", "insights-sync");
        return values;
    }

    private JsonNode copyObject(JsonNode request) {
        String copySource = request.path("CopySource").asText();
        int slash = copySource.indexOf('/');
        var response = s3.copyObject(builder -> builder
                .sourceBucket(copySource.substring(0, slash))
                .sourceKey(copySource.substring(slash + 1))
                .destinationBucket(request.path("Bucket").asText())
                .destinationKey(request.path("Key").asText()));
        ObjectNode result = Json.mapper().createObjectNode();
        result.putObject("CopyObjectResult").put("ETag", response.copyObjectResult().eTag());
        return result;
    }

    private JsonNode putObject(JsonNode request) {
        var response = s3.putObject(builder -> builder
                        .bucket(request.path("Bucket").asText())
                        .key(request.path("Key").asText())
                        .contentType(request.path("ContentType").asText()),
                RequestBody.fromString(request.path("Body").asText()));
        return Json.mapper().createObjectNode().put("ETag", response.eTag());
    }

    private String object(String key) {
        return s3.getObjectAsBytes(builder -> builder.bucket(BUCKET).key(key)).asUtf8String();
    }

    private static Set<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).collect(Collectors.toSet());
    }
}
