package dev.insightssync.common.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Configures AWS SDK clients the same way in every function: the lightweight URL-connection
 * HTTP client (faster cold start than Apache), explicit timeouts, and an optional endpoint
 * override that tests use to point a client at a loopback server.
 */
public final class AwsClients {

    /** Setting that replaces every AWS endpoint; meant for tests, unset in AWS. */
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
     * Applies the shared timeouts and, when {@code endpoint} is present, the endpoint override.
     * The Region comes from the SDK's default chain ({@code AWS_REGION} in Lambda).
     */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
