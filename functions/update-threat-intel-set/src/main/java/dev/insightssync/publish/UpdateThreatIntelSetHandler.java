package dev.insightssync.publish;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.S3ArtifactStore;
import software.amazon.awssdk.services.s3.S3Client;

/** Lambda handler of the UpdateThreatIntelSet step; the work is done by {@link GuardDutyPublisher}. */
public final class UpdateThreatIntelSetHandler
        extends JsonStepHandler<UpdateThreatIntelSetInput, UpdateThreatIntelSetOutput> {

    private final GuardDutyPublisher publisher;

    /** Creates the handler the Lambda runtime uses, configured from the environment. */
    public UpdateThreatIntelSetHandler() {
        this(Settings.fromEnvironment());
    }

    /**
     * Creates a handler configured by {@code settings}: the artifact bucket, list names, detector,
     * shrink limit and endpoint overrides. It builds one GuardDuty client per Region it is asked for,
     * and tags the list files that an update superseded.
     */
    public UpdateThreatIntelSetHandler(Settings settings) {
        this(publisher(settings, AwsClients.s3(settings), settings.required("ARTIFACT_BUCKET")));
    }

    /** Creates a handler around a publisher. */
    public UpdateThreatIntelSetHandler(GuardDutyPublisher publisher) {
        super(UpdateThreatIntelSetInput.class);
        this.publisher = publisher;
    }

    private static GuardDutyPublisher publisher(Settings settings, S3Client s3, String bucket) {
        return new GuardDutyPublisher(SdkGuardDutyGateway.perRegion(settings), new S3ArtifactStore(s3, bucket),
                PublishSettings.from(settings), new S3SupersededListMarker(s3, bucket));
    }

    @Override
    protected UpdateThreatIntelSetOutput handle(UpdateThreatIntelSetInput input) {
        return publisher.publish(input);
    }
}
