package dev.insightssync.publish;

import dev.insightssync.common.config.Settings;
import dev.insightssync.common.lambda.JsonStepHandler;

/**
 * Lambda handler of the GetThreatListStatus state, packaged in the publish function's jar. The
 * work is done by {@link ThreatListStatusChecker}.
 */
public final class ThreatListStatusHandler extends JsonStepHandler<ThreatListStatusInput, ThreatListStatusOutput> {

    private final ThreatListStatusChecker checker;

    /** Creates the handler the Lambda runtime uses, configured from the environment. */
    public ThreatListStatusHandler() {
        this(Settings.fromEnvironment());
    }

    /** Creates a handler configured by {@code settings} (endpoint overrides) that builds one GuardDuty client per Region. */
    public ThreatListStatusHandler(Settings settings) {
        this(new ThreatListStatusChecker(SdkGuardDutyGateway.perRegion(settings)));
    }

    /** Creates a handler around a checker. */
    public ThreatListStatusHandler(ThreatListStatusChecker checker) {
        super(ThreatListStatusInput.class);
        this.checker = checker;
    }

    @Override
    protected ThreatListStatusOutput handle(ThreatListStatusInput input) {
        return checker.check(input);
    }
}
