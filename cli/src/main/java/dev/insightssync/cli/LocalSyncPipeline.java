package dev.insightssync.cli;

import dev.insightssync.authenticate.AuthenticateService;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.FetchCampaignsInput;
import dev.insightssync.common.step.FetchCampaignsOutput;
import dev.insightssync.common.step.NormalizeIocsInput;
import dev.insightssync.common.step.NormalizeIocsOutput;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.step.WriteThreatListInput;
import dev.insightssync.common.step.WriteThreatListOutput;
import dev.insightssync.common.store.ArtifactStore;
import dev.insightssync.common.store.WatermarkStore;
import dev.insightssync.fetch.FetchCampaignsService;
import dev.insightssync.normalize.NormalizeIocsService;
import dev.insightssync.write.WriteThreatListService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the five step services in-process, in the state machine's order, and then commits the run
 * the way the state machine's last state does: the merged indicator state becomes the current one
 * and the watermark moves to this run's start. A step that throws stops the run before the commit,
 * so a failed run never moves the watermark. A dry run against a bucket commits nothing, because
 * the deployed state machine's next run depends on that state.
 */
final class LocalSyncPipeline {

    /** Artifact key of the indicator state that the next run merges with. */
    static final String INDICATOR_STATE_KEY = "state/indicators.json";

    private static final Logger LOG = LoggerFactory.getLogger(LocalSyncPipeline.class);

    private final AuthenticateService authenticate;
    private final FetchCampaignsService fetch;
    private final NormalizeIocsService normalize;
    private final WriteThreatListService write;
    private final Function<UpdateThreatIntelSetInput, UpdateThreatIntelSetOutput> publish;
    private final ArtifactStore store;
    private final boolean commit;

    LocalSyncPipeline(
            AuthenticateService authenticate,
            FetchCampaignsService fetch,
            NormalizeIocsService normalize,
            WriteThreatListService write,
            Function<UpdateThreatIntelSetInput, UpdateThreatIntelSetOutput> publish,
            ArtifactStore store,
            boolean commit) {
        this.authenticate = authenticate;
        this.fetch = fetch;
        this.normalize = normalize;
        this.write = write;
        this.publish = publish;
        this.store = store;
        this.commit = commit;
    }

    /** Runs every step of {@code run} and returns the summary. */
    RunSummary run(RunContext run) {
        LOG.info("Step Authenticate");
        authenticate.authenticate(new AuthenticateInput(run));

        LOG.info("Step FetchCampaigns");
        FetchCampaignsOutput fetched = fetch.fetch(new FetchCampaignsInput(run));

        LOG.info("Step NormalizeIocs");
        NormalizeIocsOutput normalized = normalize.normalize(new NormalizeIocsInput(run, fetched.manifestKey()));

        LOG.info("Step WriteThreatList");
        WriteThreatListOutput written = write.write(new WriteThreatListInput(run, normalized.indicatorsKey()));

        LOG.info("Step UpdateThreatIntelSet");
        publish.apply(new UpdateThreatIntelSetInput(run, written.ipList(), written.domainList()));

        if (commit) {
            commit(run, normalized);
        } else {
            LOG.info("Dry run against a bucket: the indicator state and the watermark stay as they were");
        }
        return new RunSummary(
                fetched.campaigns(),
                fetched.iocsFetched(),
                normalized.ipEntries(),
                normalized.domainEntries(),
                normalized.dropped(),
                store.locationOf(written.ipList().key()),
                store.locationOf(written.domainList().key()));
    }

    private void commit(RunContext run, NormalizeIocsOutput normalized) {
        if (normalized.stateKey() != null) {
            byte[] state = store.read(normalized.stateKey()).orElseThrow(() -> new IllegalStateException(
                    "The indicator state " + store.locationOf(normalized.stateKey())
                            + " written by NormalizeIocs is missing; rerun the sync."));
            store.put(INDICATOR_STATE_KEY, state, "application/json");
        }
        new WatermarkStore(store).commit(run);
        LOG.info("Committed the indicator state and the watermark {}", run.startedAt());
    }
}
