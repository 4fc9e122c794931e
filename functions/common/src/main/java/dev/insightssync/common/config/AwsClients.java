package dev.insightssync.common.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds AWS SDK clients the same way in every function. They use the URL-connection HTTP
 * client, which makes a smaller jar and a faster cold start than Apache or Netty, and explicit
 * timeouts. An optional endpoint override lets tests point a client at a loopback server.
 *
 * <p>The Region and credentials come from the SDK's default chains ({@code AWS_REGION} and the
 * execution role's variables in Lambda).
 */
public final class AwsClients {

    /** Setting that replaces the endpoint of every AWS service; unset in AWS. */
    public static final String ENDPOINT_OVERRIDE = "AWS_ENDPOINT_URL";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private AwsClients() {
    }

    /** Returns an HTTP client with connect and read timeouts set. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    /**
     * Returns the endpoint override for one service: {@code AWS_ENDPOINT_URL_<SERVICE>} (for
     * example {@code AWS_ENDPOINT_URL_GUARDDUTY}) or else {@code AWS_ENDPOINT_URL}.
     */
    public static Optional<URI> endpointOverride(Settings settings, String service) {
        String specific = ENDPOINT_OVERRIDE + "_" + service.toUpperCase(Locale.ROOT);
        return settings.optional(specific)
                .or(() -> settings.optional(ENDPOINT_OVERRIDE))
                .map(URI::create);
    }

    /** Applies the shared HTTP client, timeouts and the service's endpoint override to a builder. */
    public static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, Settings settings, String service) {
        builder.httpClient(httpClient());
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .build());
        endpointOverride(settings, service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Returns an S3 client; with an endpoint override it uses path-style addressing. */
    public static S3Client s3(Settings settings) {
        var builder = configure(S3Client.builder(), settings, "S3");
        if (endpointOverride(settings, "S3").isPresent()) {
            builder.forcePathStyle(true);
        }
        return builder.build();
    }

    /** Returns a Secrets Manager client. */
    public static SecretsManagerClient secretsManager(Settings settings) {
        return configure(SecretsManagerClient.builder(), settings, "SECRETS_MANAGER").build();
    }
}
