package dev.insightssync.common.credentials;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Reads the credentials from the Secrets Manager secret named by the setting {@value #SECRET_ARN}. */
public final class SecretsManagerCredentialsSource implements CredentialsSource {

    /** Setting that contains the ARN (or name) of the secret. */
    public static final String SECRET_ARN = "INSIGHTS_SECRET_ARN";

    private final SecretsManagerClient secretsManager;
    private final String secretId;

    public SecretsManagerCredentialsSource(SecretsManagerClient secretsManager, String secretId) {
        this.secretsManager = secretsManager;
        this.secretId = secretId;
    }

    /** Creates a source for the secret named by {@value #SECRET_ARN}, with the shared client configuration. */
    public SecretsManagerCredentialsSource(Settings settings) {
        this(AwsClients.secretsManager(settings), settings.required(SECRET_ARN));
    }

    @Override
    public InsightsCredentials load() {
        GetSecretValueResponse response = secretsManager.getSecretValue(
                GetSecretValueRequest.builder().secretId(secretId).build());
        if (response.secretString() == null) {
            throw new InvalidCredentialsException("Invalid Insights credentials in secret " + secretId
                    + ": it contains binary data. Store the JSON object as the secret string.");
        }
        return CredentialsJson.parse(response.secretString(), "secret " + secretId);
    }
}
