package dev.insightssync.normalize;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.metrics.EmbeddedMetrics;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.store.S3ArtifactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lambda handler of the NormalizeIocs step; the work is done by {@link NormalizeIocsService}. */
public final class NormalizeIocsHandler extends JsonStepHandler<NormalizeIocsInput, NormalizeIocsOutput> {

    private final NormalizeIocsService service;

    /** Creates the handler from the Lambda environment; the Lambda runtime calls this constructor. */
    public NormalizeIocsHandler() {
        this(Settings.fromEnvironment());
    }

    /** Creates the handler from settings: the artifact bucket {@code ARTIFACT_BUCKET} and the normalization settings. */
    public NormalizeIocsHandler(Settings settings) {
        this(new NormalizeIocsService(
                new S3ArtifactStore(AwsClients.s3(settings), settings.required("ARTIFACT_BUCKET")),
                NormalizeSettings.from(settings)));
    }

    public NormalizeIocsHandler(NormalizeIocsService service) {
        super(NormalizeIocsInput.class);
        this.service = service;
    }

    @Override
    protected NormalizeIocsOutput handle(NormalizeIocsInput input) {
        return service.normalize(input);
    }

    /** Returns the entries per list, and one record per drop reason with the {@code Reason} dimension. */
    @Override
    protected List<EmbeddedMetrics.Record> metrics(NormalizeIocsOutput output) {
        List<EmbeddedMetrics.Record> records = new ArrayList<>();
        records.add(new EmbeddedMetrics.Record(Map.of(),
                Map.of("IpEntries", (double) output.ipEntries(), "DomainEntries", (double) output.domainEntries()), "Count"));
        output.dropped().forEach((reason, count) ->
                records.add(new EmbeddedMetrics.Record(Map.of("Reason", reason), Map.of("DroppedIocs", (double) count), "Count")));
        return records;
    }
}
