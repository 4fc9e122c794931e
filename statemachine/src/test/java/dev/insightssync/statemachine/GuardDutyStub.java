package dev.insightssync.statemachine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Stubs the GuardDuty REST API on WireMock for an account with one detector and no threat lists
 * yet: listing finds detector {@value #DETECTOR_ID}, creating a list returns {@value #IP_SET_ID} or
 * {@value #DOMAIN_SET_ID}, and reading a created list reports the status a test chooses. The
 * stubs return the same responses in every Region, and {@link #stubMemberAccount} makes one Region fail.
 */
final class GuardDutyStub {

    static final String DETECTOR_ID = "d1";
    static final String IP_SET_ID = "tis0000000000000000000000000001";
    static final String DOMAIN_SET_ID = "tes0000000000000000000000000001";
    static final String DETECTOR_PATH = "/detector/" + DETECTOR_ID;

    private GuardDutyStub() {
    }

    /** Stubs the empty account; both lists report {@code status} when read after creation. */
    static void stubAccount(WireMockExtension server, String ipListName, String domainListName, String status) {
        server.stubFor(get(urlPathEqualTo("/detector")).willReturn(json("{\"detectorIds\":[\"" + DETECTOR_ID + "\"]}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH)).willReturn(json(
                "{\"status\":\"ENABLED\",\"serviceRole\":\"arn:aws:iam::123456789012:role/aws-service-role/"
                        + "guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty\",\"findingPublishingFrequency\":\"SIX_HOURS\"}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatintelset")).willReturn(json("{\"threatIntelSetIds\":[]}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatentityset")).willReturn(json("{\"threatEntitySetIds\":[]}")));
        server.stubFor(post(urlPathEqualTo(DETECTOR_PATH + "/threatintelset"))
                .willReturn(json("{\"threatIntelSetId\":\"" + IP_SET_ID + "\"}")));
        server.stubFor(post(urlPathEqualTo(DETECTOR_PATH + "/threatentityset"))
                .willReturn(json("{\"threatEntitySetId\":\"" + DOMAIN_SET_ID + "\"}")));
        stubStatus(server, "/threatintelset/" + IP_SET_ID, ipListName, status);
        stubStatus(server, "/threatentityset/" + DOMAIN_SET_ID, domainListName, status);
    }

    /**
     * Stubs the account after both lists were created: listings return their ids, and each list
     * points at {@code location} with {@code status}. Takes precedence over {@link #stubAccount}.
     */
    static void stubExistingLists(WireMockExtension server, String ipListName, String ipLocation,
            String domainListName, String domainLocation, String status) {
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatintelset")).atPriority(1)
                .willReturn(json("{\"threatIntelSetIds\":[\"" + IP_SET_ID + "\"]}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatentityset")).atPriority(1)
                .willReturn(json("{\"threatEntitySetIds\":[\"" + DOMAIN_SET_ID + "\"]}")));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatintelset/" + IP_SET_ID)).atPriority(1)
                .willReturn(json(listBody(ipListName, ipLocation, status))));
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + "/threatentityset/" + DOMAIN_SET_ID)).atPriority(1)
                .willReturn(json(listBody(domainListName, domainLocation, status))));
    }

    private static String listBody(String name, String location, String status) {
        return "{\"name\":\"" + name + "\",\"format\":\"TXT\",\"location\":\"" + location
                + "\",\"status\":\"" + status + "\",\"tags\":{}}";
    }

    /**
     * Makes every GuardDuty call signed for {@code region} fail as in a member account. The SDK signs
     * each request with its Region, so the Authorization header's credential scope names it.
     */
    static void stubMemberAccount(WireMockExtension server, String region) {
        server.stubFor(any(urlPathMatching("/detector.*")).atPriority(1)
                .withHeader("Authorization", containing("/" + region + "/guardduty/aws4_request"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "BadRequestException")
                        .withBody("{\"message\":\"The request is rejected because the current account is a member"
                                + " account and cannot manage threat intel sets.\",\"__type\":\"InvalidInputException\"}")));
    }

    private static void stubStatus(WireMockExtension server, String path, String name, String status) {
        server.stubFor(get(urlPathEqualTo(DETECTOR_PATH + path)).willReturn(json(
                "{\"name\":\"" + name + "\",\"format\":\"TXT\",\"location\":\"s3://artifacts/lists/\",\"status\":\""
                        + status + "\",\"tags\":{}}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
