package dev.insightssync.common.credentials;

/** Supplies the Insights API credentials: from Secrets Manager in AWS, from a file in the CLI. */
public interface CredentialsSource {

    /**
     * Loads the credentials.
     *
     * @throws InvalidCredentialsException when the stored value is not JSON or lacks a key
     */
    InsightsCredentials load();
}
