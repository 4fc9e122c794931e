package dev.insightssync.authenticate;

import dev.insightssync.common.config.Settings;
import dev.insightssync.common.credentials.SecretsManagerCredentialsSource;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.lambda.JsonStepHandler;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.AuthenticateOutput;

/** Lambda handler of the Authenticate step; see {@link AuthenticateService}. */
public final class AuthenticateHandler extends JsonStepHandler<AuthenticateInput, AuthenticateOutput> {

    private final AuthenticateService service;

    /** Creates the handler from the Lambda environment. */
    public AuthenticateHandler() {
        this(Settings.fromEnvironment());
    }

    /** Creates the handler from settings: the secret and the Insights endpoints. */
    public AuthenticateHandler(Settings settings) {
        this(new AuthenticateService(new SecretsManagerCredentialsSource(settings), InsightsSettings.from(settings)));
    }

    public AuthenticateHandler(AuthenticateService service) {
        super(AuthenticateInput.class);
        this.service = service;
    }

    @Override
    protected AuthenticateOutput handle(AuthenticateInput input) {
        return service.authenticate(input);
    }
}
