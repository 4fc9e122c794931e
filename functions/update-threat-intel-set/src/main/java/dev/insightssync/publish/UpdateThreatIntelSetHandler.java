package dev.insightssync.publish;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.S3ArtifactStore;

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
     * shrink limit and endpoint overrides. It builds one GuardDuty client per Region it is asked for.
     */
    public UpdateThreatIntelSetHandler(Settings settings) {
        this(new GuardDutyPublisher(
                SdkGuardDutyGateway.perRegion(settings),
                new S3ArtifactStore(AwsClients.s3(settings), settings.required("ARTIFACT_BUCKET")),
                PublishSettings.from(settings)));
    }

    /** Creates a handler around a publisher. */
    public UpdateThreatIntelSetHandler(GuardDutyPublisher publisher) {
        super(UpdateThreatIntelSetInput.class);
        this.publisher = publisher;
    }

    @Override
    protected UpdateThreatIntelSetOutput handle(UpdateThreatIntelSetInput input) {
        return publisher.publish(input);
    }
}
