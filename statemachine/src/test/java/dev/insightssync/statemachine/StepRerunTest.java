package dev.insightssync.statemachine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.insightssync.authenticate.AuthenticateHandler;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.insights.InsightsUnavailableException;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.PublishedThreatList;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redrive-safety test: each step handler rerun with its original input, as a redrive does, after
 * a success or after a simulated failure, against WireMock and S3Mock on loopback.
 */
class StepRerunTest {

    private static final String BUCKET = "artifacts";
    private static final String IP_LIST_NAME = "insights-ip-rerun";
    private static final String DOMAIN_LIST_NAME = "insights-domain-rerun";
    private static final String GHOST_DNS_IOCS = InsightsFixtures.CAMPAIGNS_PATH + "/4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005/iocs";

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

    private Settings settings;

    @BeforeEach
    void stubServices() {
        InsightsFixtures.stubTenant(INSIGHTS);
        InsightsFixtures.stubSecretsManager(AWS.getRuntimeInfo().getWireMock());
        GuardDutyStub.stubAccount(AWS, IP_LIST_NAME, DOMAIN_LIST_NAME, "ACTIVE");
        settings = new Settings(handlerSettings());
    }

    @Test
    void fetch_rerunAfterFailure_fetchesFullFeed() throws Exception {
        RunContext run = run("rerun-fetch");
        LoopbackHandlers.invoke(new AuthenticateHandler(settings), new AuthenticateInput(run), Object.class);
        StubMapping outage = INSIGHTS.stubFor(get(urlPathEqualTo(GHOST_DNS_IOCS)).atPriority(0)
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> LoopbackHandlers.invoke(new FetchCampaignsHandler(settings), new FetchCampaignsInput(run), Object.class))
                .isInstanceOf(InsightsUnavailableException.class)
                .hasMessageContaining("4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005");
        INSIGHTS.removeStub(outage);

        String first = LoopbackHandlers.invokeRaw(new FetchCampaignsHandler(settings), new FetchCampaignsInput(run));
        String second = LoopbackHandlers.invokeRaw(new FetchCampaignsHandler(settings), new FetchCampaignsInput(run));

        FetchCampaignsOutput output = Json.mapper().readValue(first, FetchCampaignsOutput.class);
        assertThat(output.campaigns()).isEqualTo(5);
        assertThat(output.iocsFetched()).isEqualTo(50);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void normalizeAndWrite_rerun_sameOutputs() throws Exception {
        RunContext run = run("rerun-normalize");
        FetchCampaignsOutput fetched = LoopbackHandlers.invoke(new FetchCampaignsHandler(settings), new FetchCampaignsInput(run),
                FetchCampaignsOutput.class);
        NormalizeIocsInput normalizeInput = new NormalizeIocsInput(run, fetched.manifestKey());

        String normalizedFirst = LoopbackHandlers.invokeRaw(new NormalizeIocsHandler(settings), normalizeInput);
        String normalizedSecond = LoopbackHandlers.invokeRaw(new NormalizeIocsHandler(settings), normalizeInput);
        NormalizeIocsOutput normalized = Json.mapper().readValue(normalizedFirst, NormalizeIocsOutput.class);
        WriteThreatListInput writeInput = new WriteThreatListInput(run, normalized.indicatorsKey());
        String writtenFirst = LoopbackHandlers.invokeRaw(new WriteThreatListHandler(settings), writeInput);
        String writtenSecond = LoopbackHandlers.invokeRaw(new WriteThreatListHandler(settings), writeInput);

        assertThat(normalizedSecond).isEqualTo(normalizedFirst);
        assertThat(normalized.ipEntries()).isEqualTo(18);
        assertThat(writtenSecond).isEqualTo(writtenFirst);
    }

    @Test
    void publish_rerunAfterCreateSucceeded_createsNothingAgain() throws Exception {
        RunContext run = run("rerun-publish");
        FetchCampaignsOutput fetched = LoopbackHandlers.invoke(new FetchCampaignsHandler(settings), new FetchCampaignsInput(run),
                FetchCampaignsOutput.class);
        NormalizeIocsOutput normalized = LoopbackHandlers.invoke(new NormalizeIocsHandler(settings),
                new NormalizeIocsInput(run, fetched.manifestKey()), NormalizeIocsOutput.class);
        WriteThreatListOutput written = LoopbackHandlers.invoke(new WriteThreatListHandler(settings),
                new WriteThreatListInput(run, normalized.indicatorsKey()), WriteThreatListOutput.class);
        UpdateThreatIntelSetInput publishInput = new UpdateThreatIntelSetInput(run, written.ipList(), written.domainList());
        LoopbackHandlers.invoke(new UpdateThreatIntelSetHandler(settings), publishInput, UpdateThreatIntelSetOutput.class);
        // The function then failed before reporting success (a timeout, say): GuardDuty now lists
        // both sets, pointing at the new files and activating them.
        GuardDutyStub.stubExistingLists(AWS, IP_LIST_NAME, written.ipList().location(),
                DOMAIN_LIST_NAME, written.domainList().location(), "ACTIVATING");

        UpdateThreatIntelSetOutput rerun = LoopbackHandlers.invoke(new UpdateThreatIntelSetHandler(settings), publishInput,
                UpdateThreatIntelSetOutput.class);

        assertThat(rerun.ipList().action()).isEqualTo(PublishedThreatList.UNCHANGED);
        assertThat(rerun.domainList().action()).isEqualTo(PublishedThreatList.UNCHANGED);
        assertThat(rerun.awaitActivation()).isTrue();
        AWS.verify(1, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + "/threatintelset")));
        AWS.verify(1, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + "/threatentityset")));
        AWS.verify(0, postRequestedFor(urlPathEqualTo(GuardDutyStub.DETECTOR_PATH + "/threatintelset/" + GuardDutyStub.IP_SET_ID)));
    }

    private static RunContext run(String name) {
        return new RunContext(name, InsightsFixtures.NOW, SyncOptions.defaults());
    }

    private static Map<String, String> handlerSettings() {
        return LoopbackHandlers.settings(INSIGHTS, AWS, S3_MOCK, IP_LIST_NAME, DOMAIN_LIST_NAME);
    }

}
