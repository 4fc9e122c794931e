package dev.insightssync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.insightssync.publish.PublishFixtures.IP_NAME;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Integration test of how GuardDuty errors and detector problems become named errors with a fix in the message. */
class GuardDutyErrorMappingTest {

    private static final FakeGuardDuty FAKE = new FakeGuardDuty();

    @RegisterExtension
    static final WireMockExtension GUARD_DUTY = FakeGuardDuty.extension(FAKE);

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension(PublishFixtures.BUCKET);

    private static S3Client s3;
    private static GuardDutyClient guardDuty;
    private static S3ArtifactStore store;

    private ThreatListFile ip;

    @BeforeAll
    static void connect() {
        s3 = LocalS3.client(S3_MOCK);
        store = new S3ArtifactStore(s3, PublishFixtures.BUCKET);
        guardDuty = PublishFixtures.guardDuty(GUARD_DUTY);
    }

    @AfterAll
    static void close() {
        guardDuty.close();
        s3.close();
    }

    @BeforeEach
    void reset() {
        FAKE.reset(GUARD_DUTY, "det1");
        ip = PublishFixtures.ipList(store, 3);
    }

    @Test
    void create_quotaReached_quotaError() {
        GUARD_DUTY.stubFor(post(urlEqualTo("/detector/det1/threatintelset")).atPriority(1).willReturn(FakeGuardDuty.error(
                400, "BadRequestException", "The request is rejected because it would exceed the account limits.")));

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(ThreatListQuotaExceededException.class)
                .hasMessage("GuardDuty CreateThreatIntelSet for ThreatIntelSet '" + IP_NAME + "' on detector det1"
                        + " in Region us-east-1 failed (HTTP 400, BadRequestException: The request is rejected because it would"
                        + " exceed the account limits.). An account can have at most 6 threat lists per Region: delete a"
                        + " list you no longer use (aws guardduty list-threat-intel-sets and list-threat-entity-sets"
                        + " show them), then start a new execution.");
    }

    @Test
    void create_memberAccount_memberAccountError() {
        GUARD_DUTY.stubFor(post(urlEqualTo("/detector/det1/threatintelset")).atPriority(1).willReturn(FakeGuardDuty.error(
                400, "BadRequestException", "Member accounts cannot manage IPSets or ThreatIntelSets.")));

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(GuardDutyMemberAccountException.class)
                .hasMessageEndingWith("In an AWS Organization only the GuardDuty administrator account manages threat"
                        + " lists, and they apply to every member: deploy this sync in the administrator account.");
    }

    @Test
    void create_missingPutRolePolicy_accessDenied() {
        GUARD_DUTY.stubFor(post(urlEqualTo("/detector/det1/threatintelset")).atPriority(1).willReturn(FakeGuardDuty.error(
                403, "AccessDeniedException", "User is not authorized to perform: iam:PutRolePolicy on resource:"
                        + " role AWSServiceRoleForAmazonGuardDuty")));

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(GuardDutyAccessDeniedException.class)
                .hasMessageEndingWith("the caller needs iam:PutRolePolicy and iam:DeleteRolePolicy on the role"
                        + " AWSServiceRoleForAmazonGuardDuty: add them to the function's role.");
    }

    @Test
    void create_nameTaken_nameConflict() {
        GUARD_DUTY.stubFor(post(urlEqualTo("/detector/det1/threatintelset")).atPriority(1).willReturn(FakeGuardDuty.error(
                400, "BadRequestException", "The request is rejected because a ThreatIntelSet with this name already exists.")));

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(ThreatListNameConflictException.class)
                .hasMessageContaining("set THREAT_INTEL_SET_NAME or THREAT_ENTITY_SET_NAME to an unused name");
    }

    @Test
    void list_throttled_retryableThrottledError() {
        GUARD_DUTY.stubFor(get(urlPathEqualTo("/detector/det1/threatintelset")).atPriority(1).willReturn(FakeGuardDuty.error(
                429, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(GuardDutyThrottledException.class)
                .hasMessageStartingWith("GuardDuty ListThreatIntelSets/GetThreatIntelSet for ThreatIntelSet '"
                        + IP_NAME + "' on detector det1 in Region us-east-1 failed (HTTP 429, ThrottlingException: Rate exceeded).");
    }

    @Test
    void list_serverError_retryableUnavailableError() {
        GUARD_DUTY.stubFor(get(urlPathEqualTo("/detector/det1/threatintelset")).atPriority(1).willReturn(FakeGuardDuty.error(
                500, "InternalServerErrorException", "Internal error")));

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(GuardDutyUnavailableException.class)
                .hasMessageEndingWith("GuardDuty failed on its side; retry later.");
    }

    @Test
    void detector_configuredButUnknown_detectorNotFound() {
        assertThatThrownBy(() -> publish(new PublishSettings(IP_NAME, "d", true, "det9", 0.5)))
                .isInstanceOf(DetectorNotFoundException.class)
                .hasMessage("GuardDuty has no detector 'det9' in Region us-east-1 for this account (The request is"
                        + " rejected because the input detectorId is not owned by the current account.). Set DETECTOR_ID"
                        + " to the id that 'aws guardduty list-detectors --region us-east-1' prints, or leave it empty"
                        + " to use the Region's only detector.");
        GUARD_DUTY.verify(getRequestedFor(urlEqualTo("/detector/det9")));
    }

    @Test
    void detector_noneInRegion_detectorNotFound() {
        FAKE.reset(GUARD_DUTY);

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(DetectorNotFoundException.class)
                .hasMessage("GuardDuty has no detector in Region us-east-1: enable GuardDuty in this Region or set"
                        + " DETECTOR_ID.");
    }

    @Test
    void detector_several_asksForDetectorId() {
        FAKE.reset(GUARD_DUTY, "det1", "det2");

        assertThatThrownBy(() -> publish(PublishSettings.defaults()))
                .isInstanceOf(MultipleDetectorsException.class)
                .hasMessage("GuardDuty has 2 detectors in Region us-east-1 (det1, det2): set DETECTOR_ID to the one"
                        + " that should hold the threat lists.");
    }

    private void publish(PublishSettings settings) {
        new GuardDutyPublisher(region -> new SdkGuardDutyGateway(guardDuty), store, settings)
                .publish(new UpdateThreatIntelSetInput(PublishFixtures.run(false), ip, null));
    }
}
