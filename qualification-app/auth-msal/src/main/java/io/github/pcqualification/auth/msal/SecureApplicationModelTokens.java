package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import io.github.pcqualification.auth.msal.RenewingTokens.Fetched;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter: App+User access tokens for Partner Center by the Secure Application Model. A confidential client (the
 * partner's app registration, with a client secret or a certificate) exchanges the partner user's refresh token for
 * an access token with the scope {@value #USER_IMPERSONATION}, caches it, and renews it before it expires. Entra ID
 * may return a new refresh token with each exchange: it is used for the next one and handed to
 * {@link Builder#onRefreshTokenRotated(Consumer)}, so a platform can persist it.
 *
 * <pre>{@code
 * AccessTokenPort tokens = SecureApplicationModelTokens.builder()
 *         .tenantId(partnerTenantId).clientId(appId).clientSecret(vault.secret("pc-app"))
 *         .refreshToken(vault.secret("pc-refresh-token"))
 *         .onRefreshTokenRotated(rotated -> vault.store("pc-refresh-token", rotated))
 *         .build();
 * PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
 *         .partnerCenter(URI.create("https://api.partnercenter.microsoft.com"), tokens).build();
 * }</pre>
 *
 * <p>Never throws for a credential problem: an unreachable token endpoint, a refused refresh token
 * ({@code invalid_grant}, such as {@code AADSTS700082}) or refused app credentials ({@code invalid_client}) each
 * become a {@link io.github.pcqualification.domain.outcome.CredentialProblem} that names what to fix and holds no
 * secret, refresh token or access token; nor does {@code toString} or any log line. Thread-safe: one token request
 * at a time, whatever the number of callers.
 */
public final class SecureApplicationModelTokens implements AccessTokenPort {

    /** The delegated scope Partner Center's API accepts for an App+User token. */
    public static final String USER_IMPERSONATION = "https://api.partnercenter.microsoft.com/user_impersonation";
    /** Entra ID's global cloud; 21Vianet and the other sovereign clouds have their own. */
    public static final URI DEFAULT_AUTHORITY = Authorities.DEFAULT;
    /** A token is renewed this long before it expires, by default. */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofMinutes(5);
    /** Each call to the token endpoint is bounded by this, by default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SecureApplicationModelTokens.class);

    private final ConfidentialClient client;
    private final String scope;
    private final Consumer<String> onRotated;
    private final Secrets secrets;
    private final RenewingTokens tokens;
    /** The refresh token the next exchange sends; only exchanges (one at a time) change it. */
    private volatile String refreshToken;

    private SecureApplicationModelTokens(Builder builder, ConfidentialClient client) {
        this.client = client;
        this.scope = builder.scope;
        this.onRotated = builder.onRotated;
        this.secrets = builder.secrets;
        this.refreshToken = builder.refreshToken;
        this.tokens = new RenewingTokens(this::exchange, builder.clock, builder.renewBefore,
                "Secure Application Model tokens for client " + client.clientId);
    }

    /**
     * Starts configuring a Secure Application Model token source.
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

    /** Callers waiting for the exchange under way. */
    int waitingCallers() {
        return tokens.waiting();
    }

    private Fetched exchange(boolean forced) {
        String sent = refreshToken;
        ConfidentialClientApplication app;
        CompletableFuture<IAuthenticationResult> future;
        Instant askedAt = Instant.now();
        try {
            // A new application for each exchange: its cache then holds exactly the refresh token this answer gave.
            app = client.newApplication();
            future = app.acquireToken(RefreshTokenParameters.builder(Set.of(scope), sent).build());
        } catch (Exception e) {
            return new Fetched.Problem(MsalFailures.of(e, client.authority, secrets, MsalFailures.Hints.CONFIDENTIAL_CLIENT));
        }
        return MsalCalls.await(future, client.requestTimeout).fold(done -> {
            IAuthenticationResult result = done.value();
            secrets.add(result.accessToken());
            Optional<String> rotated;
            try {
                rotated = MsalCacheJson.onlyRefreshToken(app.tokenCache().serialize());
            } catch (RuntimeException e) {
                rotated = Optional.empty();
            }
            rotated.filter(token -> !token.equals(sent)).ifPresent(this::rotate);
            return new Fetched.Token(result.accessToken(), TokenKind.APP_USER, MsalCalls.lifetime(result, askedAt));
        }, failed -> new Fetched.Problem(MsalFailures.of(failed.failure(), client.authority, secrets,
                MsalFailures.Hints.CONFIDENTIAL_CLIENT)),
                () -> new Fetched.Problem(MsalFailures.timeout(client.authority, client.requestTimeout)),
                () -> new Fetched.Problem(MsalFailures.interrupted(client.authority)));
    }

    /** Entra ID returned a new refresh token: use it from now on, and hand it to the platform once. */
    private void rotate(String rotated) {
        secrets.add(rotated);
        refreshToken = rotated;
        try {
            onRotated.accept(rotated);
        } catch (RuntimeException e) {
            LOG.warn("the onRefreshTokenRotated callback failed ({}{}); the new refresh token is used in memory but was"
                    + " not persisted: after a restart the old one may be refused", e.getClass().getName(),
                    e.getMessage() == null ? "" : ": " + secrets.redact(e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return "SecureApplicationModelTokens[" + client.describe() + ", refreshToken=<redacted>, scope=" + scope + "]";
    }

    /** Configures the source; {@code tenantId}, {@code clientId}, a credential and {@code refreshToken} are required. */
    public static final class Builder {

        private final ConfidentialClient.Settings settings = new ConfidentialClient.Settings();
        private final Secrets secrets = new Secrets();
        private String refreshToken;
        private Consumer<String> onRotated = rotated -> { };
        private Duration renewBefore = DEFAULT_RENEW_BEFORE;
        private Clock clock = Clock.systemUTC();
        private String scope = USER_IMPERSONATION;

        private Builder() {}

        /**
         * Entra ID's sign-in host for the partner's cloud (default {@code https://login.microsoftonline.com};
         * 21Vianet {@code https://login.chinacloudapi.cn}, US Government {@code https://login.microsoftonline.us}).
         *
         * @param authority an https URL with no path
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
         * @param refreshToken the partner user's refresh token (from the consent, or the last one persisted)
         * @return this builder
         */
        public Builder refreshToken(String refreshToken) {
            checkNotNull(refreshToken, "refreshToken");
            checkArgument(!refreshToken.isBlank(), "the refresh token must not be blank");
            this.refreshToken = refreshToken;
            secrets.add(refreshToken);
            return this;
        }

        /**
         * Called with each new refresh token Entra ID returns (never twice with the same one), on the thread that
         * renewed the access token (while other callers wait), so a platform can persist it; it must not ask this
         * source for a token itself. If it throws, the token flow goes on with the new token and one WARN line
         * (without the token) says that it was not persisted.
         *
         * @param onRotated receives the new refresh token
         * @return this builder
         */
        public Builder onRefreshTokenRotated(Consumer<String> onRotated) {
            this.onRotated = checkNotNull(onRotated, "onRotated");
            return this;
        }

        /**
         * @param renewBefore how long before expiry a token is renewed (default 5 minutes; at most half a token's
         *     lifetime is used for a short-lived token)
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
         * @param scope the scope asked for (default {@value SecureApplicationModelTokens#USER_IMPERSONATION})
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
         */
        public SecureApplicationModelTokens build() {
            ConfidentialClient client = settings.build("the Secure Application Model",
                    refreshToken == null ? List.of("refreshToken") : List.of());
            return new SecureApplicationModelTokens(this, client);
        }
    }
}
