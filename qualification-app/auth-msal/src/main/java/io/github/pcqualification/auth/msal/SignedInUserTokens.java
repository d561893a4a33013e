package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import io.github.pcqualification.auth.msal.MsalCalls.Awaited;
import io.github.pcqualification.auth.msal.RenewingTokens.Fetched;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter: App+User tokens for the person who signed in with {@link DeviceCodeLogin}, taken silently from the
 * {@link TokenCacheFile} (the cached access token while it lasts, then the refresh token; MSAL writes the rotated
 * one back to the file). Cached and renewed before expiry like {@link SecureApplicationModelTokens}. With no
 * sign-in, a sign-in that has expired or was revoked, or a cache file others can read, the outcome is a
 * {@link CredentialProblem} that says to sign in again. Thread-safe.
 */
public final class SignedInUserTokens implements AccessTokenPort {

    private static final Logger LOG = LoggerFactory.getLogger(SignedInUserTokens.class);

    private final TokenCacheFile file;
    private final String scope;
    private final String signInAgain;
    private final Duration requestTimeout;
    private final Secrets secrets = new Secrets();
    private final RenewingTokens tokens;
    /** Built at the first exchange from what the sign-in kept; only exchanges (one at a time) touch these. */
    private PublicClientApplication app;
    private TokenCacheFile.Settings settings;
    private boolean hadToken;

    private SignedInUserTokens(Builder builder) {
        this.file = builder.file;
        this.scope = builder.scope;
        this.signInAgain = builder.signInAgain;
        this.requestTimeout = builder.requestTimeout;
        this.tokens = new RenewingTokens(this::exchange, builder.clock, builder.renewBefore,
                "signed-in user's tokens from " + file.path());
    }

    /**
     * Starts configuring a token source for the signed-in user.
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
        Optional<CredentialProblem> unsafe = file.unsafe();
        if (unsafe.isPresent()) {
            return new Fetched.Problem(unsafe.get());
        }
        if (app == null) {
            Optional<TokenCacheFile.Settings> kept = file.settings();
            if (kept.isEmpty()) {
                return new Fetched.Problem(notSignedIn("no sign-in is kept in " + file.path()));
            }
            try {
                settings = kept.get();
                app = PublicClient.application(settings, file, false, requestTimeout);
            } catch (Exception e) {
                return new Fetched.Problem(fromMsal(e));
            }
        }
        // Whatever keeps the accounts from being listed (a failure, the time running out), nobody is signed in.
        Optional<IAccount> signedIn = MsalCalls.await(app.getAccounts(), requestTimeout).fold(
                found -> found.value().isEmpty() ? Optional.empty() : Optional.of(found.value().iterator().next()),
                failed -> Optional.empty(), Optional::empty, Optional::empty);
        if (signedIn.isEmpty()) {
            return new Fetched.Problem(notSignedIn("no account is signed in in " + file.path()));
        }
        IAccount account = signedIn.get();
        Instant askedAt = Instant.now();
        CompletableFuture<IAuthenticationResult> future;
        try {
            // After the first token, a renewal must not get MSAL's cached one back: it is the one being renewed.
            future = app.acquireTokenSilently(SilentParameters.builder(Set.of(scope), account)
                    .authorityUrl(Authorities.forMsal(settings.authority(), settings.tenant()))
                    .forceRefresh(forced || hadToken).build());
        } catch (Exception e) {
            return new Fetched.Problem(fromMsal(e));
        }
        Awaited<IAuthenticationResult> awaited = MsalCalls.await(future, requestTimeout);
        file.takeFailure().ifPresent(failure -> LOG.warn("{}; the sign-in goes on in memory", failure));
        return awaited.fold(done -> {
            hadToken = true;
            secrets.add(done.value().accessToken());
            return new Fetched.Token(done.value().accessToken(), TokenKind.APP_USER, MsalCalls.lifetime(done.value(), askedAt));
        }, failed -> new Fetched.Problem(fromMsal(failed.failure())),
                () -> new Fetched.Problem(MsalFailures.timeout(settings.authority(), requestTimeout)),
                () -> new Fetched.Problem(MsalFailures.interrupted(settings.authority())));
    }

    private CredentialProblem fromMsal(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof MsalException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MsalException msal && "cache_miss".equalsIgnoreCase(msal.errorCode())) {
            return notSignedIn("the sign-in kept in " + file.path() + " holds no usable token");
        }
        return MsalFailures.of(failure, settings == null ? Authorities.DEFAULT : settings.authority(), secrets,
                MsalFailures.Hints.signedIn(signInAgain));
    }

    private CredentialProblem notSignedIn(String why) {
        return CredentialProblem.of(Reason.NOT_SIGNED_IN, "not signed in (" + why + "): " + signInAgain);
    }

    @Override
    public String toString() {
        return "SignedInUserTokens[tokenCache=" + file.path() + ", scope=" + scope + "]";
    }

    /** Configures the source; {@code tokenCache} is required. */
    public static final class Builder {

        private TokenCacheFile file;
        private String scope = SecureApplicationModelTokens.USER_IMPERSONATION;
        private String signInAgain = "sign in again with the device code";
        private Duration renewBefore = SecureApplicationModelTokens.DEFAULT_RENEW_BEFORE;
        private Duration requestTimeout = SecureApplicationModelTokens.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * @param file where {@link DeviceCodeLogin} kept the sign-in
         * @return this builder
         */
        public Builder tokenCache(TokenCacheFile file) {
            this.file = checkNotNull(file, "file");
            return this;
        }

        /**
         * @param signInAgain what to tell the person when there is no usable sign-in, such as
         *     {@code "run `qualification login`"}
         * @return this builder
         */
        public Builder signInAgain(String signInAgain) {
            checkNotNull(signInAgain, "signInAgain");
            checkArgument(!signInAgain.isBlank(), "signInAgain must not be blank");
            this.signInAgain = signInAgain;
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
         * @param renewBefore how long before expiry a token is renewed (default 5 minutes)
         * @return this builder
         */
        public Builder renewBefore(Duration renewBefore) {
            this.renewBefore = SettingChecks.renewBefore(renewBefore);
            return this;
        }

        /**
         * @param timeout the bound on each call to the token endpoint (default 30 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = SettingChecks.requestTimeout(timeout);
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
         * @return the source (the file is first read when a token is asked for)
         * @throws IllegalStateException without a token cache
         */
        public SignedInUserTokens build() {
            checkState(file != null, "signed-in user tokens need the tokenCache the sign-in was kept in");
            return new SignedInUserTokens(this);
        }
    }
}
