package dev.insightssync.write;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.step.WriteThreatListInput;
import dev.insightssync.common.step.WriteThreatListOutput;
import dev.insightssync.common.store.S3ArtifactStore;

/** Lambda handler of the WriteThreatList step; the work is done by {@link WriteThreatListService}. */
public final class WriteThreatListHandler extends JsonStepHandler<WriteThreatListInput, WriteThreatListOutput> {

    /** Setting that caps the domain list, for GuardDuty's entity list quota. */
    public static final String DOMAIN_LIST_CAPACITY = "DOMAIN_LIST_CAPACITY";

    private final WriteThreatListService service;

    /** Creates the handler the Lambda runtime uses, configured from the environment. */
    public WriteThreatListHandler() {
        this(Settings.fromEnvironment());
    }

    /** Creates a handler that uses the artifact bucket and endpoints named in {@code settings}. */
    public WriteThreatListHandler(Settings settings) {
        this(new WriteThreatListService(
                new S3ArtifactStore(AwsClients.s3(settings), settings.required("ARTIFACT_BUCKET")),
                writerFor(settings)));
    }

    /** Creates a handler around a service. */
    public WriteThreatListHandler(WriteThreatListService service) {
        super(WriteThreatListInput.class);
        this.service = service;
    }

    /** Returns a writer with the domain list capacity from {@code settings}. */
    public static ThreatListWriter writerFor(Settings settings) {
        // Same range as NormalizeIocs accepts for this setting, so one value suits both steps.
        return new ThreatListWriter(settings.integer(DOMAIN_LIST_CAPACITY,
                ThreatListWriter.DEFAULT_DOMAIN_LIST_CAPACITY, 0, 10_000_000));
    }

    @Override
    protected WriteThreatListOutput handle(WriteThreatListInput input) {
        return service.write(input);
    }
}
