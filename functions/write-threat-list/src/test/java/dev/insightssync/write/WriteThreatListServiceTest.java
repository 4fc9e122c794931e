package dev.insightssync.write;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.IndicatorSet.Indicator;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.ThreatListFile;
import dev.insightssync.common.step.WriteThreatListInput;
import dev.insightssync.common.step.WriteThreatListOutput;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Integration test of the WriteThreatList step against an S3-compatible server on loopback. */
class WriteThreatListServiceTest {

    private static final String BUCKET = "artifacts";

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension(BUCKET);

    private static S3Client s3;
    private static S3ArtifactStore store;
    private static WriteThreatListService service;

    @BeforeAll
    static void connect() {
        // The handler builds its own S3 client from the SDK's default chains: keep them on fixed values.
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
        s3 = LocalS3.client(S3_MOCK);
        store = new S3ArtifactStore(s3, BUCKET);
        service = new WriteThreatListService(store, new ThreatListWriter(ThreatListWriter.DEFAULT_DOMAIN_LIST_CAPACITY));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void write_fixtureIndicators_expectedFiles() throws IOException {
        byte[] expectedIp = fixture("ip-list.txt");
        byte[] expectedDomain = fixture("domain-list.txt");
        storeIndicators("fixture", shuffled(expectedIp), shuffled(expectedDomain));

        WriteThreatListOutput output = service.write(new WriteThreatListInput(run("fixture"), null));

        String ipHash = ThreatListWriter.sha256(expectedIp);
        String domainHash = ThreatListWriter.sha256(expectedDomain);
        assertThat(output.ipList()).isEqualTo(new ThreatListFile("lists/ip/" + ipHash + ".txt",
                "s3://artifacts/lists/ip/" + ipHash + ".txt", ipHash, 18, expectedIp.length));
        assertThat(output.domainList()).isEqualTo(new ThreatListFile("lists/domain/" + domainHash + ".txt",
                "s3://artifacts/lists/domain/" + domainHash + ".txt", domainHash, 15, expectedDomain.length));
        assertThat(store.read(output.ipList().key())).hasValue(expectedIp);
        assertThat(store.read(output.domainList().key())).hasValue(expectedDomain);
    }

    @Test
    void write_sameContentInAnotherRun_sameKeys() {
        storeIndicators("same-a", List.of("80.82.79.221", "18.140.163.186"), List.of("gue.life"));
        storeIndicators("same-b", List.of("18.140.163.186", "80.82.79.221"), List.of("gue.life"));

        WriteThreatListOutput first = service.write(new WriteThreatListInput(run("same-a"), "runs/same-a/indicators.json"));
        WriteThreatListOutput second = service.write(new WriteThreatListInput(run("same-b"), "runs/same-b/indicators.json"));

        assertThat(second).isEqualTo(first);
        assertThat(first.ipList().key())
                .isEqualTo("lists/ip/" + ThreatListWriter.sha256("18.140.163.186\n80.82.79.221\n".getBytes(UTF_8)) + ".txt");
    }

    @Test
    void write_invalidEntry_rejected() {
        storeIndicators("invalid", List.of("45.62.198.73"), List.of("gue.life", "bad\tdomain.com"));
        List<String> before = listKeys();

        assertThatThrownBy(() -> service.write(new WriteThreatListInput(run("invalid"), null)))
                .isInstanceOf(InvalidThreatListEntryException.class)
                .hasMessageStartingWith("Invalid domain list entry 2 in runs/invalid/indicators.json:"
                        + " 'bad\\u0009domain.com' contains whitespace at character 4.");
        assertThat(listKeys()).isEqualTo(before);
    }

    @Test
    void handler_process_readsInputAndWritesOutputJson() throws IOException {
        storeIndicators("handler", List.of("45.62.198.73"), List.of());
        WriteThreatListHandler handler = new WriteThreatListHandler(new Settings(Map.of(
                "ARTIFACT_BUCKET", BUCKET,
                "AWS_ENDPOINT_URL_S3", LocalS3.endpoint(S3_MOCK).toString())));
        String input = "{\"run\":{\"executionName\":\"handler\",\"startedAt\":\"2026-12-04T00:00:00Z\"},"
                + "\"indicatorsKey\":\"runs/handler/indicators.json\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.process(new ByteArrayInputStream(input.getBytes(UTF_8)), out);

        String ipHash = ThreatListWriter.sha256("45.62.198.73\n".getBytes(UTF_8));
        String emptyHash = ThreatListWriter.sha256(new byte[0]);
        assertThat(Json.mapper().readValue(out.toByteArray(), WriteThreatListOutput.class)).isEqualTo(
                new WriteThreatListOutput(
                        new ThreatListFile("lists/ip/" + ipHash + ".txt", "s3://artifacts/lists/ip/" + ipHash + ".txt",
                                ipHash, 1, 13),
                        new ThreatListFile("lists/domain/" + emptyHash + ".txt",
                                "s3://artifacts/lists/domain/" + emptyHash + ".txt", emptyHash, 0, 0)));
    }

    private static void storeIndicators(String executionName, List<String> ip, List<String> domain) {
        try {
            IndicatorSet set = new IndicatorSet(indicators(ip), indicators(domain));
            store.put("runs/" + executionName + "/indicators.json", Json.mapper().writeValueAsBytes(set),
                    "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Indicator> indicators(List<String> values) {
        return values.stream().map(value -> new Indicator(value, List.of(), null, null, null)).toList();
    }

    private static RunContext run(String executionName) {
        return new RunContext(executionName, Instant.parse("2026-12-04T00:00:00Z"), null);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WriteThreatListServiceTest.class.getResourceAsStream("/fixtures/insights/expected/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<String> shuffled(byte[] file) {
        List<String> lines = new ArrayList<>(new String(file, UTF_8).lines().toList());
        Collections.shuffle(lines, new Random(7));
        return lines;
    }

    private static List<String> listKeys() {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(BUCKET).build()).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }
}
