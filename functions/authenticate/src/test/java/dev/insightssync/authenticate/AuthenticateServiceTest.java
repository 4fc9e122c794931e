package dev.insightssync.authenticate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.credentials.InsightsCredentials;
import dev.insightssync.common.insights.InsightsAuthenticationException;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.AuthenticateOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.testing.InsightsFixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Integration test of {@link AuthenticateService} against the fixture tenant on WireMock. */
class AuthenticateServiceTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final AuthenticateInput INPUT = new AuthenticateInput(new RunContext("exec-a", InsightsFixtures.NOW, null));

    @BeforeEach
    void stubTenant() {
        InsightsFixtures.stubTenant(SERVER);
    }

    @Test
    void authenticate_validCredentials_returnsTimesWithoutToken() throws Exception {
        AuthenticateOutput output = service(InsightsFixtures.credentials()).authenticate(INPUT);

        assertThat(output).isEqualTo(new AuthenticateOutput(InsightsFixtures.NOW, InsightsFixtures.NOW.plusSeconds(600)));
        assertThat(Json.mapper().writeValueAsString(output)).doesNotContain(InsightsFixtures.ACCESS_TOKEN);
        SERVER.verify(1, getRequestedFor(urlPathEqualTo("/insights/v2/campaigns")));
    }

    @Test
    void authenticate_wrongClientSecret_raisesAuthenticationError() {
        InsightsCredentials wrong = new InsightsCredentials(InsightsFixtures.API_KEY, InsightsFixtures.CLIENT_ID, "not-the-secret");

        assertThatThrownBy(() -> service(wrong).authenticate(INPUT))
                .isInstanceOf(InsightsAuthenticationException.class)
                .hasMessageContaining("client id (mv_client_id) or client secret (mv_secret) is probably wrong")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void authenticate_wrongApiKey_raisesAuthenticationError() {
        InsightsCredentials wrong = new InsightsCredentials("not-the-key", InsightsFixtures.CLIENT_ID, InsightsFixtures.CLIENT_SECRET);

        assertThatThrownBy(() -> service(wrong).authenticate(INPUT))
                .isInstanceOf(InsightsAuthenticationException.class)
                .hasMessageContaining("API key (mv_api_key) is probably wrong")
                .hasMessageNotContaining("not-the-key");
    }

    @Test
    void authenticate_apiRefusesKey_raisesAuthenticationError() {
        SERVER.stubFor(get(urlPathEqualTo("/insights/v2/campaigns")).atPriority(0).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> service(InsightsFixtures.credentials()).authenticate(INPUT))
                .isInstanceOf(InsightsAuthenticationException.class)
                .hasMessageContaining("(HTTP 403): the API key (mv_api_key) is probably wrong, or the API client lacks the scopes");
    }

    private static AuthenticateService service(InsightsCredentials credentials) {
        Clock clock = Clock.fixed(InsightsFixtures.NOW, ZoneOffset.UTC);
        return new AuthenticateService(() -> credentials,
                c -> InsightsClient.builder(InsightsFixtures.insightsSettings(SERVER.baseUrl()), c)
                        .clock(clock).sleeper(duration -> { }).build(),
                clock);
    }
}
