package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.github.pcqualification.auth.msal.RenewingTokens.Fetched;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Adapter: App-only access tokens for Partner Center (client credentials: the app registration alone, no user),
 * with the scope {@value #PARTNER_CENTER_DEFAULT}. Partner Center lets them read (a qualification, the validation
 * codes) but not update: the tokens are marked {@link TokenKind#APP_ONLY}, and the REST adapter refuses an update
 * with one before anything is sent ({@link CredentialProblem.Reason#APP_ONLY_FOR_UPDATE}). Cached and renewed before
 * expiry like {@link SecureApplicationModelTokens}; never throws for a credential problem; no secret or token in any
 * message, {@code toString} or log line. Thread-safe.
 */
public final class AppOnlyTokens implements AccessTokenPort {

    /** The application scope of Partner Center's API. */
    public static final String PARTNER_CENTER_DEFAULT = "https://api.partnercenter.microsoft.com/.default";

    private final ConfidentialClient client;
    private final ConfidentialClientApplication app;
    private final String scope;
    private final Secrets secrets;
    private final RenewingTokens tokens;

    private AppOnlyTokens(Builder builder, ConfidentialClient client, ConfidentialClientApplication app) {
        this.client = client;
        this.app = app;
        this.scope = builder.scope;
        this.secrets = builder.secrets;
        this.tokens = new RenewingTokens(this::exchange, builder.clock, builder.renewBefore,
                "App-only tokens for client " + client.clientId);
    }

    /**
     * Starts configuring a App-only token source.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TokenOutcome currentToken() {
        return tokens.current();
    }

    @Override
    public TokenOutcome renewedToken() {
        return tokens.renewed();
    }

    private Fetched exchange(boolean forced) {
        Instant askedAt = Instant.now();
        CompletableFuture<IAuthenticationResult> future;
        try {
            // This object is the cache: MSAL's own would hand back the token that is being renewed.
            future = app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).skipCache(true).build());
        } catch (RuntimeException e) {
            return new Fetched.Problem(MsalFailures.of(e, client.authority, secrets, MsalFailures.Hints.CONFIDENTIAL_CLIENT));
        }
        return MsalCalls.await(future, client.requestTimeout).fold(done -> {
            secrets.add(done.value().accessToken());
            return new Fetched.Token(done.value().accessToken(), TokenKind.APP_ONLY,
                    MsalCalls.lifetime(done.value(), askedAt));
        }, failed -> new Fetched.Problem(MsalFailures.of(failed.failure(), client.authority, secrets,
                MsalFailures.Hints.CONFIDENTIAL_CLIENT)),
                () -> new Fetched.Problem(MsalFailures.timeout(client.authority, client.requestTimeout)),
                () -> new Fetched.Problem(MsalFailures.interrupted(client.authority)));
    }

    @Override
    public String toString() {
        return "AppOnlyTokens[" + client.describe() + ", scope=" + scope + "]";
    }

    /** Configures the source; {@code tenantId}, {@code clientId} and a credential are required. */
    public static final class Builder {

        private final ConfidentialClient.Settings settings = new ConfidentialClient.Settings();
        private final Secrets secrets = new Secrets();
        private Duration renewBefore = SecureApplicationModelTokens.DEFAULT_RENEW_BEFORE;
        private Clock clock = Clock.systemUTC();
        private String scope = PARTNER_CENTER_DEFAULT;

        private Builder() {}

        /**
         * @param authority Entra ID's sign-in host for the partner's cloud (default {@code https://login.microsoftonline.com})
         * @return this builder
         */
        public Builder authority(URI authority) {
            settings.authority(authority);
            return this;
        }

        /**
         * @param tenantId the partner's tenant: its id (a GUID) or a verified domain
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            settings.tenantId(tenantId);
            return this;
        }

        /**
         * @param clientId the application (client) id of the partner's app registration
         * @return this builder
         */
        public Builder clientId(String clientId) {
            settings.clientId(clientId);
            return this;
        }

        /**
         * @param clientSecret the app registration's client secret (or give a {@link #certificate})
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            settings.clientSecret(clientSecret, secrets);
            return this;
        }

        /**
         * @param key the private key of a certificate registered on the app registration
         * @param certificate that certificate
         * @return this builder
         */
        public Builder certificate(PrivateKey key, X509Certificate certificate) {
            settings.certificate(key, certificate);
            return this;
        }

        /**
         * @param renewBefore how long before expiry a token is renewed (default 5 minutes)
         * @return this builder
         */
        public Builder renewBefore(Duration renewBefore) {
            this.renewBefore = SettingChecks.renewBefore(renewBefore);
            return this;
        }

        /**
         * @param clock the time tokens are judged by (tests use a fixed one)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = checkNotNull(clock, "clock");
            return this;
        }

        /**
         * @param scope the scope asked for (default {@value AppOnlyTokens#PARTNER_CENTER_DEFAULT})
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = SettingChecks.scope(scope);
            return this;
        }

        /**
         * @param timeout the bound on each call to the token endpoint (default 30 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            settings.requestTimeout(timeout);
            return this;
        }

        /**
         * @return the source
         * @throws IllegalStateException naming every missing setting
         * @throws IllegalArgumentException if MSAL refuses the configuration
         */
        public AppOnlyTokens build() {
            ConfidentialClient client = settings.build("App-only tokens", List.of());
            try {
                return new AppOnlyTokens(this, client, client.newApplication());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("the authority is not a URL MSAL accepts: " + e.getMessage(), e);
            }
        }
    }
}
