package dev.insightssync.authenticate;

import dev.insightssync.common.credentials.CredentialsSource;
import dev.insightssync.common.insights.AccessToken;
import dev.insightssync.common.insights.InsightsClient;
import dev.insightssync.common.insights.InsightsClientFactory;
import dev.insightssync.common.insights.InsightsSettings;
import dev.insightssync.common.step.AuthenticateInput;
import dev.insightssync.common.step.AuthenticateOutput;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that the Insights credentials work before anything else runs: it obtains a token and
 * fetches one campaign with it, so a wrong client secret, API key or scope fails the execution
 * at once with {@code InsightsAuthenticationException}. The token itself is discarded, because
 * a state's output is visible in the execution history.
 */
public final class AuthenticateService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticateService.class);

    private final CredentialsSource credentials;
    private final InsightsClientFactory clients;
    private final Clock clock;

    public AuthenticateService(CredentialsSource credentials, InsightsSettings settings) {
        this(credentials, InsightsClientFactory.standard(settings), Clock.systemUTC());
    }

    /** Creates a service with a client factory and clock of the caller's choice (tests). */
    public AuthenticateService(CredentialsSource credentials, InsightsClientFactory clients, Clock clock) {
        this.credentials = credentials;
        this.clients = clients;
        this.clock = clock;
    }

    /** Checks the credentials; returns when they were accepted and when the token would expire. */
    public AuthenticateOutput authenticate(AuthenticateInput input) {
        InsightsClient client = clients.create(credentials.load());
        AccessToken token = client.authenticate();
        client.probe();
        LOG.info("Insights accepted the credentials; the token expires at {}", token.expiresAt());
        return new AuthenticateOutput(clock.instant(), token.expiresAt());
    }
}
