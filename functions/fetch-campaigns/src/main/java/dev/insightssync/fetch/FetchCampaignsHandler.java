package dev.insightssync.fetch;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.credentials.SecretsManagerCredentialsSource;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.metrics.EmbeddedMetrics;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.store.S3ArtifactStore;
import java.util.List;
import java.util.Map;

/** Lambda handler of the FetchCampaigns step; see {@link FetchCampaignsService}. */
public final class FetchCampaignsHandler extends JsonStepHandler<FetchCampaignsInput, FetchCampaignsOutput> {

    /** Setting that names the artifact bucket. */
    public static final String ARTIFACT_BUCKET = "ARTIFACT_BUCKET";

    private final FetchCampaignsService service;

    /** Creates the handler from the Lambda environment. */
    public FetchCampaignsHandler() {
        this(Settings.fromEnvironment());
    }

    /** Creates the handler from settings: the secret, the Insights endpoints, the bucket and the window. */
    public FetchCampaignsHandler(Settings settings) {
        this(new FetchCampaignsService(
                new SecretsManagerCredentialsSource(settings),
                InsightsSettings.from(settings),
                new S3ArtifactStore(AwsClients.s3(settings), settings.required(ARTIFACT_BUCKET)),
                FetchSettings.from(settings)));
    }

    public FetchCampaignsHandler(FetchCampaignsService service) {
        super(FetchCampaignsInput.class);
        this.service = service;
    }

    @Override
    protected FetchCampaignsOutput handle(FetchCampaignsInput input) {
        return service.fetch(input);
    }

    @Override
    protected List<EmbeddedMetrics.Record> metrics(FetchCampaignsOutput output) {
        return List.of(new EmbeddedMetrics.Record(Map.of(),
                Map.of("Campaigns", (double) output.campaigns(), "IocsFetched", (double) output.iocsFetched()), "Count"));
    }
}
