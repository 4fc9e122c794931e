package dev.insightssync.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.insightssync.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of {@code run --demo}: the real step services and HTTP client against the
 * bundled feed on loopback, with the lists compared to the fixture tenant's expected lists.
 */
class RunCommandDemoTest {

    @TempDir
    Path outputDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void demoJson_printsOneObjectWithExpectedCounts() throws Exception {
        int status = run("run", "--demo", "--json", "--output-dir", outputDir.toString());

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        assertThat(out.toString().strip().lines()).hasSize(1);
        assertThat(summary.get("campaigns").asInt()).isEqualTo(5);
        assertThat(summary.get("iocsFetched").asLong()).isEqualTo(50);
        assertThat(summary.get("ipEntries").asInt()).isEqualTo(18);
        assertThat(summary.get("domainEntries").asInt()).isEqualTo(15);
        assertThat(summary.get("dropped").get("allowlisted").asLong()).isEqualTo(3);
        assertThat(summary.get("dropped").get("non-public-address").asLong()).isEqualTo(3);
        assertThat(summary.get("dropped").get("not-network-indicator").asLong()).isEqualTo(3);
        assertThat(summary.get("dropped").get("cidr-too-broad").asLong()).isEqualTo(1);
        assertThat(summary.get("dropped").get("invalid-characters").asLong()).isEqualTo(1);
        assertThat(summary.get("dropped").get("invalid-ip").asLong()).isEqualTo(1);
        assertThat(summary.get("dropped").get("invalid-url").asLong()).isEqualTo(1);
        assertThat(summary.get("dropped").get("ipv6-unsupported").asLong()).isEqualTo(1);
        assertThat(summary.get("dropped").get("unsupported-type").asLong()).isEqualTo(1);
    }

    @Test
    void demo_writesListsEqualToExpectedLists() throws Exception {
        int status = run("run", "--demo", "--json", "--output-dir", outputDir.toString());

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        Path ipList = Path.of(summary.get("ipList").asText());
        Path domainList = Path.of(summary.get("domainList").asText());
        assertThat(ipList).startsWith(outputDir);
        assertThat(lines(ipList)).isEqualTo(expected("ip-list.txt"));
        assertThat(lines(domainList)).isEqualTo(expected("domain-list.txt"));
    }

    @Test
    void demo_listFilesAreLfWithoutBom() throws Exception {
        run("run", "--demo", "--json", "--output-dir", outputDir.toString());

        JsonNode summary = Json.mapper().readTree(out.toString());
        byte[] bytes = Files.readAllBytes(Path.of(summary.get("ipList").asText()));
        String text = new String(bytes, UTF_8);
        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
        assertThat(text).doesNotContain("\r").doesNotContain("\n\n").doesNotContain("#").endsWith("\n");
    }

    @Test
    void demo_printsPlannedCallsToStderr() throws Exception {
        run("run", "--demo", "--json", "--output-dir", outputDir.toString());

        assertThat(err.toString()).contains("CreateThreatIntelSet").contains("format=TXT");
        assertThat(out.toString()).doesNotContain("CreateThreatIntelSet");
    }

    @Test
    void demoTwice_secondRunKeepsListsFromState() throws Exception {
        run("run", "--demo", "--json", "--output-dir", outputDir.toString());
        out.getBuffer().setLength(0);

        int status = run("run", "--demo", "--json", "--output-dir", outputDir.toString());

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        assertThat(lines(Path.of(summary.get("ipList").asText()))).isEqualTo(expected("ip-list.txt"));
        assertThat(lines(Path.of(summary.get("domainList").asText()))).isEqualTo(expected("domain-list.txt"));
        assertThat(outputDir.resolve("state/watermark.json")).exists();
    }

    @Test
    void demoWithUserAllowlist_dropsItsEntries() throws Exception {
        Path allowlist = Files.writeString(outputDir.resolve("allowlist.txt"),
                "# our own infrastructure\ntree gue.life      our test domain\nip   80.82.79.221  our scanner\n");

        int status = run("run", "--demo", "--json", "--output-dir", outputDir.resolve("out").toString(),
                "--allowlist", allowlist.toString());

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        JsonNode summary = Json.mapper().readTree(out.toString());
        assertThat(summary.get("ipEntries").asInt()).isEqualTo(17);
        assertThat(summary.get("domainEntries").asInt()).isEqualTo(14);
        assertThat(summary.get("dropped").get("allowlisted").asLong()).isEqualTo(5);
        assertThat(lines(Path.of(summary.get("domainList").asText()))).doesNotContain("gue.life");
    }

    @Test
    void demoWithBucket_isUsageError() {
        int status = run("run", "--demo", "--bucket", "some-bucket");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--demo publishes nothing");
    }

    @Test
    void invalidLookback_isUsageErrorBeforeAnyRequest() {
        int status = run("run", "--demo", "--lookback-days", "0", "--output-dir", outputDir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --lookback-days 0");
        assertThat(outputDir.resolve("runs")).doesNotExist();
    }

    @Test
    void plainHttpApiUrl_isUsageError() throws Exception {
        Path credentials = Files.writeString(outputDir.resolve("credentials.json"),
                "{\"mv_api_key\":\"k\",\"mv_client_id\":\"c\",\"mv_secret\":\"s\"}");

        int status = run("run", "--api-url", "http://api.mvision.mcafee.com", "--credentials-file", credentials.toString(),
                "--output-dir", outputDir.toString(), "--dry-run");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --api-url 'http://api.mvision.mcafee.com'");
    }

    @Test
    void allowlistDirectory_isUsageErrorBeforeAnyRequest() {
        int status = run("run", "--demo", "--allowlist", outputDir.toString(), "--output-dir", outputDir.resolve("out").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Allowlist file not found, not a file or not readable");
        assertThat(outputDir.resolve("out")).doesNotExist();
    }

    @Test
    void runWithoutCredentials_isUsageErrorNamingOption() {
        int status = run("run", "--output-dir", outputDir.toString(), "--dry-run");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--credentials-file");
    }

    @Test
    void wrongCredentials_exitsOneWithoutSecret() throws Exception {
        Path credentials = outputDir.resolve("credentials.json");
        Files.writeString(credentials,
                "{\"mv_api_key\":\"demo-api-key\",\"mv_client_id\":\"demo-client\",\"mv_secret\":\"not-the-secret-123\"}");
        try (DemoFeedServer server = DemoFeedServer.start(DemoFeedServer.REFERENCE_DATE)) {
            int status = run("run", "--api-url", server.apiUrl().toString(), "--iam-url", server.iamUrl().toString(),
                    "--credentials-file", credentials.toString(), "--output-dir", outputDir.resolve("out").toString(),
                    "--dry-run", "--json");

            assertThat(status).isEqualTo(1);
            String failure = err.toString().lines().filter(line -> line.startsWith("insights-sync: failed:")).findFirst().orElseThrow();
            assertThat(failure).contains("InsightsAuthenticationException");
            assertThat(err.toString()).doesNotContain("not-the-secret-123");
            assertThat(out.toString()).isEmpty();
        }
    }

    private int run(String... args) {
        return InsightsSyncCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Set<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, UTF_8).stream().collect(Collectors.toSet());
    }

    private static Set<String> expected(String name) throws IOException {
        try (InputStream in = RunCommandDemoTest.class.getResourceAsStream("/fixtures/insights/expected/" + name)) {
            return Arrays.stream(new String(in.readAllBytes(), UTF_8).split("\n"))
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet());
        }
    }
}
