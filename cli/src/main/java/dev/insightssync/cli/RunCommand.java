package dev.insightssync.cli;

import dev.insightssync.authenticate.AuthenticateService;
import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.config.Settings;
import dev.insightssync.common.credentials.CredentialsSource;
import dev.insightssync.common.credentials.FileCredentialsSource;
import dev.insightssync.common.credentials.InsightsCredentials;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.json.Json;
import dev.insightssync.common.step.RunContext;
import dev.insightssync.common.step.SyncOptions;
import dev.insightssync.common.step.UpdateThreatIntelSetInput;
import dev.insightssync.common.step.UpdateThreatIntelSetOutput;
import dev.insightssync.common.store.ArtifactStore;
import dev.insightssync.common.store.LocalArtifactStore;
import dev.insightssync.common.store.S3ArtifactStore;
import dev.insightssync.fetch.FetchCampaignsService;
import dev.insightssync.fetch.FetchSettings;
import dev.insightssync.normalize.NormalizeIocsService;
import dev.insightssync.normalize.NormalizeSettings;
import dev.insightssync.publish.GuardDutyPlan;
import dev.insightssync.publish.GuardDutyPlanner;
import dev.insightssync.publish.GuardDutyPublisher;
import dev.insightssync.publish.PublishSettings;
import dev.insightssync.publish.S3SupersededListMarker;
import dev.insightssync.publish.SdkGuardDutyGateway;
import dev.insightssync.write.ThreatListWriter;
import dev.insightssync.write.WriteThreatListService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * {@code insights-sync run}: the whole sync on this machine, with the same step services as the
 * Lambda functions. Settings come from the environment (the functions' variable names), and
 * options override them.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole sync on this machine: authenticate, fetch, normalize, write the lists, publish.",
            "With --demo it needs no AWS account and no credentials: it serves a bundled demo feed on loopback,",
            "writes every artifact to a local folder and prints the GuardDuty calls instead of making them."
        })
final class RunCommand implements Callable<Integer> {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Sync the bundled demo feed from a loopback server; implies --dry-run.")
    boolean demo;

    @Option(names = "--api-url", paramLabel = "URL", description = "Insights API base URL (default: INSIGHTS_API_URL or ${DEFAULT-VALUE}).",
            defaultValue = "${env:INSIGHTS_API_URL:-" + InsightsSettings.DEFAULT_API_URL + "}")
    String apiUrl;

    @Option(names = "--iam-url", paramLabel = "URL", description = "Insights token endpoint (default: INSIGHTS_IAM_URL or ${DEFAULT-VALUE}).",
            defaultValue = "${env:INSIGHTS_IAM_URL:-" + InsightsSettings.DEFAULT_IAM_URL + "}")
    String iamUrl;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "JSON file with mv_api_key, mv_client_id and mv_secret (the secret's format).")
    Path credentialsFile;

    @Option(names = "--lookback-days", paramLabel = "N", description = "Days back a campaign's last update may lie (default: LOOKBACK_DAYS or 30).")
    Integer lookbackDays;

    @Option(names = "--full-resync", description = "Ignore the stored watermark and fetch the whole lookback window.")
    boolean fullResync;

    @Option(names = "--allow-shrink", description = "Publish even if a list shrank by more than MAX_SHRINK_FRACTION, for this run only.")
    boolean allowShrink;

    @Option(names = "--allowlist", paramLabel = "FILE", description = "Your own allowlist file, applied after the built-in one.")
    Path allowlistFile;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Store artifacts in this local folder, laid out like the bucket (default with --demo: demo-output).")
    Path outputDir;

    @Option(names = "--bucket", paramLabel = "NAME", description = "Store artifacts and lists in this S3 bucket (required to publish).")
    String bucket;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS Region of the bucket and the detector (default: the SDK's chain, e.g. AWS_REGION).")
    String region;

    @Option(names = "--detector-id", paramLabel = "ID", description = "GuardDuty detector (default: DETECTOR_ID, else the Region's only detector).")
    String detectorId;

    @Option(names = "--dry-run", description = {"Make no GuardDuty call that changes anything; print the calls instead.",
            "With --bucket it also leaves the bucket's watermark and indicator state unchanged."})
    boolean dryRun;

    @Option(names = "--json", description = "On success, print exactly one JSON object on standard output; progress goes to standard error.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        RunContext run = newRun();
        MDC.put("execution", run.executionName());
        DemoFeedServer demoFeed = demo ? DemoFeedServer.start(LocalDate.now(ZoneOffset.UTC)) : null;
        try {
            Settings settings = settings(demoFeed);
            ArtifactStore store = store(settings);
            LocalSyncPipeline pipeline = pipeline(settings, store, demoFeed);
            RunSummary summary = pipeline.run(run);
            print(summary);
            return 0;
        } finally {
            if (demoFeed != null) {
                demoFeed.close();
            }
            MDC.remove("execution");
        }
    }

    private void checkOptions() {
        if (demo && bucket != null) {
            throw new ParameterException(spec.commandLine(),
                    "--demo publishes nothing and needs no AWS account: remove --bucket, or drop --demo to sync for real.");
        }
        if (demo && credentialsFile != null) {
            throw new ParameterException(spec.commandLine(),
                    "--demo uses the demo feed's built-in credentials: remove --credentials-file, or drop --demo.");
        }
        if (!demo && credentialsFile == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing --credentials-file FILE (JSON with mv_api_key, mv_client_id, mv_secret), or use --demo.");
        }
        if (!demo && outputDir == null && bucket == null) {
            throw new ParameterException(spec.commandLine(), "Give --bucket NAME (S3) or --output-dir DIR (local folder).");
        }
        if (outputDir != null && bucket != null) {
            throw new ParameterException(spec.commandLine(), "Give either --bucket or --output-dir, not both.");
        }
        if (!demo && !dryRun && bucket == null) {
            throw new ParameterException(spec.commandLine(),
                    "GuardDuty reads lists from S3, so publishing needs --bucket NAME; add --dry-run to only write local lists.");
        }
        if (lookbackDays != null && (lookbackDays < 1 || lookbackDays > FetchSettings.MAX_LOOKBACK_DAYS)) {
            throw new ParameterException(spec.commandLine(), "Invalid --lookback-days " + lookbackDays
                    + ": expected a whole number of days from 1 to " + FetchSettings.MAX_LOOKBACK_DAYS + ".");
        }
        if (allowlistFile != null && !(Files.isRegularFile(allowlistFile) && Files.isReadable(allowlistFile))) {
            throw new ParameterException(spec.commandLine(), "Allowlist file not found, not a file or not readable: " + allowlistFile);
        }
        if (credentialsFile != null && !(Files.isRegularFile(credentialsFile) && Files.isReadable(credentialsFile))) {
            throw new ParameterException(spec.commandLine(), "Credentials file not found, not a file or not readable: " + credentialsFile);
        }
        if (!demo) {
            checkUrl("--api-url", apiUrl);
            checkUrl("--iam-url", iamUrl);
        }
    }

    private void checkUrl(String option, String value) {
        try {
            new Settings(Map.of("URL", value)).url("URL", value);
        } catch (ConfigurationException e) {
            throw new ParameterException(spec.commandLine(), "Invalid " + option + " '"
                    + Settings.shownUrl(value)
                    + "': expected an absolute https URL without user information; plain http only for a loopback test server.");
        }
    }

    private RunContext newRun() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        SyncOptions options = new SyncOptions(lookbackDays, fullResync ? Boolean.TRUE : null, allowShrink ? Boolean.TRUE : null);
        return new RunContext("cli-" + RUN_TIME.format(now) + "-" + suffix, now, options);
    }

    private Settings settings(DemoFeedServer demoFeed) {
        Map<String, String> values = new HashMap<>(System.getenv());
        values.put(InsightsSettings.API_URL, demoFeed != null ? demoFeed.apiUrl().toString() : apiUrl);
        values.put(InsightsSettings.IAM_URL, demoFeed != null ? demoFeed.iamUrl().toString() : iamUrl);
        if (demoFeed != null) {
            // The demo's expected lists assume the default 30-day window and the default rules.
            values.put(FetchSettings.LOOKBACK_DAYS, "30");
        }
        if (detectorId != null) {
            values.put(PublishSettings.DETECTOR_ID, detectorId);
        }
        if (region != null) {
            System.setProperty("aws.region", region);
        }
        return new Settings(values);
    }

    private ArtifactStore store(Settings settings) {
        if (bucket != null) {
            return new S3ArtifactStore(AwsClients.s3(settings), bucket);
        }
        Path folder = outputDir != null ? outputDir : Path.of("demo-output");
        return new LocalArtifactStore(folder);
    }

    private LocalSyncPipeline pipeline(Settings settings, ArtifactStore store, DemoFeedServer demoFeed) {
        CredentialsSource credentials = demoFeed != null
                ? () -> new InsightsCredentials(DemoFeedServer.API_KEY, DemoFeedServer.CLIENT_ID, DemoFeedServer.CLIENT_SECRET)
                : new FileCredentialsSource(credentialsFile);
        InsightsSettings insights = InsightsSettings.from(settings);

        NormalizeSettings configured = NormalizeSettings.from(settings);
        NormalizeSettings normalizeSettings = new NormalizeSettings(configured.minCidrPrefix(), configured.retentionDays(),
                configured.ipCapacity(), configured.domainCapacity(), configured.userAllowlistKey(), allowlistFile);

        return new LocalSyncPipeline(
                new AuthenticateService(credentials, insights),
                new FetchCampaignsService(credentials, insights, store, FetchSettings.from(settings)),
                new NormalizeIocsService(store, normalizeSettings),
                new WriteThreatListService(store, new ThreatListWriter(configured.domainCapacity())),
                publisher(settings, store),
                store,
                !(dryRun && bucket != null));
    }

    private Function<UpdateThreatIntelSetInput, UpdateThreatIntelSetOutput> publisher(Settings settings, ArtifactStore store) {
        PublishSettings publishSettings = PublishSettings.from(settings);
        if (!demo && !dryRun) {
            // Publishing needs --bucket (checked with the options), so the store is the bucket.
            GuardDutyPublisher publisher = new GuardDutyPublisher(SdkGuardDutyGateway.perRegion(settings), store, publishSettings,
                    new S3SupersededListMarker(AwsClients.s3(settings), bucket));
            return publisher::publish;
        }
        // Without a bucket the run stays on this machine, so the plan assumes an account with no lists
        // instead of reading GuardDuty.
        GuardDutyPlanner planner = bucket == null
                ? GuardDutyPlanner.withoutAccount(store, publishSettings)
                : GuardDutyPlanner.reading(AwsClients.configure(GuardDutyClient.builder(), settings, "GUARDDUTY").build(),
                        store, publishSettings);
        return input -> {
            GuardDutyPlan plan = planner.plan(input);
            PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
            out.println(bucket == null ? "GuardDuty calls a real run would make (assuming one detector and no lists yet):"
                    : "GuardDuty calls a real run would make (dry run, read from the account):");
            plan.calls().forEach(call -> out.println("  " + call));
            out.flush();
            return plan.outcome();
        };
    }

    private void print(RunSummary summary) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(summary));
        } else {
            out.println("Sync finished.");
            out.println("  campaigns in window: " + summary.campaigns());
            out.println("  IOCs fetched:        " + summary.iocsFetched());
            out.println("  IPv4 list:           " + summary.ipEntries() + " entries, " + summary.ipList());
            out.println("  domain list:         " + summary.domainEntries() + " entries, " + summary.domainList());
            out.println("  dropped by reason:   " + summary.dropped());
        }
        out.flush();
    }
}
