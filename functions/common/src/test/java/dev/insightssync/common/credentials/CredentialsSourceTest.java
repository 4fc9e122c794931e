package dev.insightssync.common.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.testing.InsightsFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Integration test of the credential sources: a local file and Secrets Manager served by WireMock. */
class CredentialsSourceTest {

    @RegisterExtension
    static final WireMockExtension SECRETS_MANAGER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path folder;

    @BeforeAll
    static void offlineAws() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Test
    void file_validJson_loadsAllThree() throws Exception {
        Path file = Files.writeString(folder.resolve("credentials.json"), InsightsFixtures.credentialsJson());

        assertThat(new FileCredentialsSource(file).load()).isEqualTo(InsightsFixtures.credentials());
    }

    @Test
    void file_missingKey_namesKeyNotValues() throws Exception {
        Path file = Files.writeString(folder.resolve("credentials.json"),
                "{\"mv_api_key\":\"k-123\",\"mv_client_id\":\"c-456\"}");

        assertThatThrownBy(() -> new FileCredentialsSource(file).load())
                .isInstanceOf(InvalidCredentialsException.class)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Missing or empty Insights credential mv_secret")
                .hasMessageNotContaining("k-123")
                .hasMessageNotContaining("c-456");
    }

    @Test
    void file_notJson_raisesWithoutQuotingText() throws Exception {
        Path file = Files.writeString(folder.resolve("credentials.json"), "mv_secret=s3cr3t-value");

        assertThatThrownBy(() -> new FileCredentialsSource(file).load())
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("the value is not JSON")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void file_missing_raisesNamingPath() {
        Path file = folder.resolve("absent.json");

        assertThatThrownBy(() -> new FileCredentialsSource(file).load())
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("Insights credentials file not found: " + file);
    }

    @Test
    void credentials_toString_hidesValues() {
        assertThat(InsightsFixtures.credentials().toString())
                .doesNotContain(InsightsFixtures.API_KEY)
                .doesNotContain(InsightsFixtures.CLIENT_ID)
                .doesNotContain(InsightsFixtures.CLIENT_SECRET);
    }

    @Test
    void secretsManager_secretString_loads() {
        InsightsFixtures.stubSecretsManager(SECRETS_MANAGER.getRuntimeInfo().getWireMock());

        InsightsCredentials credentials = new SecretsManagerCredentialsSource(settings()).load();

        assertThat(credentials).isEqualTo(InsightsFixtures.credentials());
    }

    @Test
    void secretsManager_missingKey_namesKeyAndSecret() {
        SECRETS_MANAGER.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"ARN\":\"" + InsightsFixtures.SECRET_ARN + "\",\"Name\":\"insights-api\","
                        + "\"SecretString\":\"{\\\"mv_api_key\\\":\\\"k-123\\\",\\\"mv_secret\\\":\\\"s-789\\\"}\"}")));

        assertThatThrownBy(() -> new SecretsManagerCredentialsSource(settings()).load())
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage("Missing or empty Insights credential mv_client_id in secret " + InsightsFixtures.SECRET_ARN
                        + ": the key needs a non-empty string value.");
    }

    private static Settings settings() {
        return new Settings(Map.of(
                SecretsManagerCredentialsSource.SECRET_ARN, InsightsFixtures.SECRET_ARN,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", SECRETS_MANAGER.baseUrl()));
    }
}
