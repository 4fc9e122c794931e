package dev.insightssync.publish;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.store.ArtifactStore;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/** Builds the list files and clients the publishing tests share. */
final class PublishFixtures {

    static final String BUCKET = "artifacts";
    static final String IP_NAME = PublishSettings.DEFAULT_THREAT_INTEL_SET_NAME;
    static final String DOMAIN_NAME = PublishSettings.DEFAULT_THREAT_ENTITY_SET_NAME;

    private PublishFixtures() {
    }

    /** Returns a GuardDuty client for the fake on {@code wireMock}, in us-east-1, with dummy credentials. */
    static GuardDutyClient guardDuty(WireMockExtension wireMock) {
        return GuardDutyClient.builder()
                .endpointOverride(URI.create(wireMock.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Stores an IPv4 list file of {@code count} distinct entries and returns its description. */
    static ThreatListFile ipList(ArtifactStore store, int count) {
        return ipList(store, 0, count);
    }

    /** Stores an IPv4 list file of {@code count} entries starting at address offset {@code first}. */
    static ThreatListFile ipList(ArtifactStore store, int first, int count) {
        return listFile(store, "ip", IntStream.range(first, first + count)
                .mapToObj(i -> "203.0." + (i / 256) + "." + (i % 256))
                .toList());
    }

    /** Stores a domain list file of {@code count} distinct entries and returns its description. */
    static ThreatListFile domainList(ArtifactStore store, int count) {
        return listFile(store, "domain", IntStream.range(0, count).mapToObj(i -> "host" + i + ".example.net").toList());
    }

    /** Stores a list file under its content-addressed key, as WriteThreatList does. */
    static ThreatListFile listFile(ArtifactStore store, String kind, List<String> entries) {
        byte[] content = entries.stream().map(entry -> entry + "\n").reduce("", String::concat).getBytes(UTF_8);
        String sha256 = sha256(content);
        String key = "lists/" + kind + "/" + sha256 + ".txt";
        store.put(key, content, "text/plain; charset=utf-8");
        return new ThreatListFile(key, store.locationOf(key), sha256, entries.size(), content.length);
    }

    static RunContext run(boolean allowShrink) {
        return new RunContext("run-1", Instant.parse("2026-12-04T00:00:00Z"), new SyncOptions(null, null, allowShrink));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
