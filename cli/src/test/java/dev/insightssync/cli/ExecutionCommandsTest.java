package dev.insightssync.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.insightssync.common.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests of {@code start}, {@code redrive} and {@code status} against a WireMock Step Functions API on loopback. */
class ExecutionCommandsTest {

    private static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:threat-intel-sync";
    private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:threat-intel-sync:run-1";
    private static final String TARGET = "X-Amz-Target";

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void pointClientsAtWireMock() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        ExecutionCommands.environment = () -> new Settings(Map.of("AWS_ENDPOINT_URL", AWS.baseUrl()));
        ExecutionCommands.sleeper = duration -> { };
    }

    @AfterEach
    void restore() {
        ExecutionCommands.environment = Settings::fromEnvironment;
        ExecutionCommands.sleeper = duration -> Thread.sleep(duration.toMillis());
    }

    @Test
    void start_followsUntilSucceeded() {
        stub("StartExecution", "{\"executionArn\":\"" + EXECUTION + "\",\"startDate\":1764892800}");
        stubDescribeRunningThen("SUCCEEDED", null);
        stubHistory(event(2, "TaskStateExited", "Authenticate"), event(3, "TaskStateExited", "FetchCampaigns"),
                "{\"id\":4,\"timestamp\":1764892900,\"type\":\"ExecutionSucceeded\"}");

        int status = run("start", "--state-machine-arn", STATE_MACHINE, "--region", "us-east-1", "--full-resync");

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("started " + EXECUTION)
                .contains("completed Authenticate")
                .contains("completed FetchCampaigns")
                .contains("SUCCEEDED " + EXECUTION);
        AWS.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader(TARGET, equalTo("AWSStepFunctions.StartExecution"))
                .withRequestBody(equalToJson("{\"stateMachineArn\":\"" + STATE_MACHINE + "\",\"input\":\"{\\\"fullResync\\\":true}\"}")));
    }

    @Test
    void start_failedExecution_exitsOne() {
        stub("StartExecution", "{\"executionArn\":\"" + EXECUTION + "\",\"startDate\":1764892800}");
        stubDescribeRunningThen("FAILED", "dev.insightssync.common.insights.InsightsAuthenticationException");
        stubHistory(event(2, "TaskStateExited", "PrepareRun"),
                "{\"id\":3,\"timestamp\":1764892900,\"type\":\"ExecutionFailed\",\"executionFailedEventDetails\":"
                        + "{\"error\":\"dev.insightssync.common.insights.InsightsAuthenticationException\",\"cause\":\"rejected\"}}");

        int status = run("start", "--state-machine-arn", STATE_MACHINE, "--region", "us-east-1");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("execution failed: dev.insightssync.common.insights.InsightsAuthenticationException")
                .contains("FAILED " + EXECUTION)
                .contains("insights-sync redrive " + EXECUTION)
                .contains("start a new execution");
    }

    @Test
    void redrive_printsOnlyNewEventsAndSucceeds() {
        stub("RedriveExecution", "{\"redriveDate\":1764893000}");
        stubDescribeRunningThen("SUCCEEDED", null);
        AWS.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.GetExecutionHistory"))
                .withRequestBody(containing("\"reverseOrder\":true"))
                .atPriority(1)
                .willReturn(json("{\"events\":[" + event(5, "ExecutionFailed", null) + "]}")));
        stubHistory(event(4, "TaskStateExited", "OldState"), event(6, "TaskStateExited", "UpdateThreatIntelSet"),
                "{\"id\":7,\"timestamp\":1764893100,\"type\":\"ExecutionSucceeded\"}");

        int status = run("redrive", EXECUTION);

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("redriven " + EXECUTION)
                .contains("completed UpdateThreatIntelSet")
                .doesNotContain("OldState");
        AWS.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader(TARGET, equalTo("AWSStepFunctions.RedriveExecution"))
                .withRequestBody(equalToJson("{\"executionArn\":\"" + EXECUTION + "\"}", true, true)));
    }

    @Test
    void status_listsExecutionsWithListCounts() {
        stub("ListExecutions", "{\"executions\":[{\"executionArn\":\"" + EXECUTION + "\",\"stateMachineArn\":\"" + STATE_MACHINE
                + "\",\"name\":\"run-1\",\"status\":\"SUCCEEDED\",\"startDate\":1764892800,\"stopDate\":1764892935}]}");
        stub("DescribeExecution", "{\"executionArn\":\"" + EXECUTION + "\",\"stateMachineArn\":\"" + STATE_MACHINE
                + "\",\"status\":\"SUCCEEDED\",\"startDate\":1764892800,"
                + "\"output\":\"{\\\"normalize\\\":{\\\"ipEntries\\\":18,\\\"domainEntries\\\":15}}\"}");

        int status = run("status", "--state-machine-arn", STATE_MACHINE, "--region", "us-east-1");

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(out.toString()).containsPattern("run-1\\s+SUCCEEDED\\s+2025-12-05T00:00:00\\s+2m15s\\s+18\\s+15");
    }

    @Test
    void redrive_invalidArn_isUsageErrorWithoutRequest() {
        assertThat(run("redrive", "not-an-arn")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid execution ARN 'not-an-arn'");
        assertThat(AWS.getAllServeEvents()).isEmpty();
    }

    @Test
    void start_invalidLookback_isUsageErrorWithoutRequest() {
        assertThat(run("start", "--state-machine-arn", STATE_MACHINE, "--lookback-days", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --lookback-days 0");
        assertThat(AWS.getAllServeEvents()).isEmpty();
    }

    @Test
    void start_withoutTarget_isUsageError() {
        assertThat(run("start")).isEqualTo(2);
        assertThat(err.toString()).contains("--stack-name").contains("--state-machine-arn");
    }

    private void stub(String action, String body) {
        AWS.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions." + action)).willReturn(json(body)));
    }

    private void stubDescribeRunningThen(String finalStatus, String error) {
        String describe = "{\"executionArn\":\"" + EXECUTION + "\",\"stateMachineArn\":\"" + STATE_MACHINE + "\",\"startDate\":1764892800,";
        AWS.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.DescribeExecution"))
                .inScenario("execution").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(json(describe + "\"status\":\"RUNNING\"}")));
        AWS.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.DescribeExecution"))
                .inScenario("execution").whenScenarioStateIs("done")
                .willReturn(json(describe + "\"status\":\"" + finalStatus + "\""
                        + (error == null ? "" : ",\"error\":\"" + error + "\",\"cause\":\"rejected\"") + "}")));
    }

    private void stubHistory(String... events) {
        AWS.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSStepFunctions.GetExecutionHistory"))
                .atPriority(5)
                .willReturn(json("{\"events\":[" + String.join(",", events) + "]}")));
    }

    private static String event(long id, String type, String stateName) {
        String details = stateName == null ? "" : ",\"stateExitedEventDetails\":{\"name\":\"" + stateName + "\"}";
        return "{\"id\":" + id + ",\"timestamp\":1764892850,\"type\":\"" + type + "\"" + details + "}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body);
    }

    private int run(String... args) {
        return InsightsSyncCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
