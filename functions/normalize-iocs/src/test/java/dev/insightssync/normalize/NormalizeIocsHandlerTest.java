package dev.insightssync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.IndicatorSet;
import dev.insightssync.common.step.IndicatorSet.Indicator;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.common.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Integration test of {@link NormalizeIocsHandler#process} against S3Mock on loopback, with the fixture tenant. */
class NormalizeIocsHandlerTest {

    private static final String BUCKET = "artifacts";

    @RegisterExtension
    static final S3MockExtension S3_MOCK = LocalS3.extension(BUCKET);

    @BeforeAll
    static void keepSdkOffTheNetwork() {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Test
    void process_fixtureTenantInS3_writesArtifacts() throws IOException {
        S3ArtifactStore store = new S3ArtifactStore(LocalS3.client(S3_MOCK), BUCKET);
        RunContext run = new RunContext("handler-run", FixtureTenant.FIXTURE_CLOCK, SyncOptions.defaults());
        String manifestKey = FixtureTenant.store(store, run);
        store.put("config/allowlist.txt", "ip 5.188.86.0/24 test exclusion\n".getBytes(), "text/plain");
        NormalizeIocsHandler handler = new NormalizeIocsHandler(new Settings(Map.of(
                "ARTIFACT_BUCKET", BUCKET,
                "AWS_ENDPOINT_URL", LocalS3.endpoint(S3_MOCK).toString(),
                "USER_ALLOWLIST_KEY", "config/allowlist.txt",
                "DOMAIN_LIST_CAPACITY", "10")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.process(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(new NormalizeIocsInput(run, manifestKey))), out);

        NormalizeIocsOutput output = Json.mapper().readValue(out.toByteArray(), NormalizeIocsOutput.class);
        int expectedIp = FixtureTenant.expectedList("ip-list.txt").size() - 1;
        assertThat(output.ipEntries()).isEqualTo(expectedIp);
        assertThat(output.domainEntries()).isEqualTo(10);
        assertThat(output.cutForCapacity()).isEqualTo(FixtureTenant.expectedList("domain-list.txt").size() - 10);
        assertThat(output.dropped()).containsEntry("allowlisted", FixtureTenant.expectedDropCounts().get("allowlisted") + 1);
        assertThat(output.stateKey()).isEqualTo("runs/handler-run/indicator-state.json");
        assertThat(store.exists(output.stateKey())).isTrue();
        assertThat(store.exists(output.reportKey())).isTrue();
        IndicatorSet set = Json.mapper().readValue(store.read(output.indicatorsKey()).orElseThrow(), IndicatorSet.class);
        assertThat(set.ip()).extracting(Indicator::value).hasSize(expectedIp).doesNotContain("5.188.86.0/24");
    }
}
