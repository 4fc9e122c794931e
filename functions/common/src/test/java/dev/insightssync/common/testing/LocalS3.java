package dev.insightssync.common.testing;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds S3 clients for the S3-compatible server that S3Mock runs inside the test JVM on
 * loopback. Register one extension per test class with {@link #extension(String...)}: it takes
 * about ten seconds to start.
 */
public final class LocalS3 {

    private LocalS3() {
    }

    /** Returns an extension that starts S3Mock on a free loopback port with the given buckets. */
    public static S3MockExtension extension(String... buckets) {
        return S3MockExtension.builder()
                .silent()
                .withHttpPort(0)
                .withHttpsPort(0)
                .withSecureConnection(false)
                .withInitialBuckets(buckets)
                .build();
    }

    /** Returns the plain-HTTP endpoint of a running extension. */
    public static URI endpoint(S3MockExtension s3Mock) {
        return URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
    }

    /** Returns a client for a running extension, with path-style addressing and dummy credentials. */
    public static S3Client client(S3MockExtension s3Mock) {
        return S3Client.builder()
                .endpointOverride(endpoint(s3Mock))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .build();
    }
}
