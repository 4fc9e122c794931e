package dev.insightssync.common.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.testing.InsightsFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract test of {@link InsightsClient} against the fixture tenant served by WireMock. */
class InsightsClientContractTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private InsightsClient client;

    @BeforeEach
    void setUp() {
        InsightsFixtures.stubTenant(SERVER);
        client = InsightsClient.builder(InsightsFixtures.insightsSettings(SERVER.baseUrl()), InsightsFixtures.credentials())
                .clock(Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC))
                .sleeper(duration -> { })
                .build();
    }

    @Test
    void authenticate_sendsClientCredentialsGrant() {
        AccessToken token = client.authenticate();

        assertThat(token.value()).isEqualTo(InsightsFixtures.ACCESS_TOKEN);
        assertThat(token.expiresAt()).isEqualTo(InsightsFixtures.NOW.plusSeconds(600));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(
                        InsightsFixtures.CLIENT_ID, InsightsFixtures.CLIENT_SECRET))
                .withHeader("x-api-key", equalTo(InsightsFixtures.API_KEY))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=ins.user+ins.suser+ins.ms.r")));
    }

    @Test
    void authenticate_tokenToString_hidesValue() {
        assertThat(client.authenticate().toString()).doesNotContain(InsightsFixtures.ACCESS_TOKEN);
    }

    @Test
    void listCampaigns_deliversBothPagesWithExactBytes() {
        List<InsightsPage> pages = new ArrayList<>();

        int count = client.listCampaigns(pages::add);

        assertThat(count).isEqualTo(2);
        assertThat(pages).extracting(InsightsPage::number).containsExactly(1, 2);
        assertThat(pages).extracting(InsightsPage::size).containsExactly(4, 2);
        assertThat(new String(pages.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo(InsightsFixtures.body("campaigns-page-1.json", SERVER.baseUrl()));
        assertThat(new String(pages.get(1).body(), StandardCharsets.UTF_8))
                .isEqualTo(InsightsFixtures.body("campaigns-page-2.json", SERVER.baseUrl()));
    }

    @Test
    void listCampaigns_sendsApiHeadersAndPageLimit() {
        client.listCampaigns(page -> { });

        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/insights/v2/campaigns"))
                .withQueryParam("page[limit]", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + InsightsFixtures.ACCESS_TOKEN))
                .withHeader("x-api-key", equalTo(InsightsFixtures.API_KEY))
                .withHeader("Content-Type", equalTo("application/vnd.api+json")));
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/insights/v2/campaigns"))
                .withQueryParam("page[offset]", equalTo("4")));
        SERVER.verify(1, postRequestedFor(urlPathEqualTo(InsightsFixtures.IAM_PATH)));
    }

    @Test
    void listIocs_followsNextAcrossFourPages() {
        List<Integer> sizes = new ArrayList<>();

        int count = client.listIocs("4f2a3b44-5d6e-4a7f-8b9c-9d0e1f2a0005", page -> sizes.add(page.size()));

        assertThat(count).isEqualTo(4);
        assertThat(sizes).containsExactly(6, 6, 6, 2);
    }

    @Test
    void campaignsOfFixture_parseEveryTimestampForm() {
        List<InsightsCampaign> campaigns = new ArrayList<>();

        client.listCampaigns(page -> page.data().forEach(resource -> campaigns.add(InsightsCampaign.from(resource))));

        assertThat(campaigns).extracting(InsightsCampaign::id).containsExactlyElementsOf(InsightsFixtures.CAMPAIGN_IDS);
        assertThat(campaigns).extracting(campaign -> campaign.updatedOn().toString()).containsExactly(
                "2026-11-30T08:15:00Z",
                "2026-12-01T22:40:11Z",
                "2026-11-28T13:02:55.120Z",
                "2026-11-25T06:00:00Z",
                "2026-11-20T00:00:00Z",
                "2024-01-10T00:00:00Z");
        assertThat(campaigns).extracting(InsightsCampaign::threatLevelId).containsExactly(2, 1, 1, 2, 3, 3);
    }

    @Test
    void probe_withFixtureCredentials_succeeds() {
        client.probe();

        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/insights/v2/campaigns"))
                .withQueryParam("page[limit]", equalTo("1")));
    }
}
