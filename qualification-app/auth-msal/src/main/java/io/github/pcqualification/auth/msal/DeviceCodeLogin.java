package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Adapter: a person at a terminal signs in to Partner Center with a device code (the code and URL are handed to
 * {@link Builder#prompt(Consumer)}, the person opens the URL in any browser, enters the code and signs in there, with
 * MFA), bounded by a timeout. The sign-in is kept in a {@link TokenCacheFile} that only its owner can read, from which
 * {@link SignedInUserTokens} takes App+User tokens silently later. The app registration is a public client with
 * "Allow public client flows" on; its client id is not a secret.
 */
public final class DeviceCodeLogin {

    /** The bound on the wait for the person, by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    private final TokenCacheFile.Settings settings;
    private final TokenCacheFile file;
    private final String scope;
    private final Duration timeout;
    private final Duration requestTimeout;
    private final Consumer<String> prompt;
    private final Secrets secrets = new Secrets();

    private DeviceCodeLogin(Builder builder) {
        this.settings = new TokenCacheFile.Settings(builder.clientId, builder.authority, builder.tenant);
        this.file = builder.file;
        this.scope = builder.scope;
        this.timeout = builder.timeout;
        this.requestTimeout = builder.requestTimeout;
        this.prompt = builder.prompt;
    }

    /**
     * Starts configuring a device-code sign-in.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Asks for a device code, hands its message (the URL and the code) to the prompt, and waits for the person to
     * sign in, at most the timeout. On success the sign-in replaces whatever the token cache held.
     *
     * @return who signed in, or why nobody did; never an exception
     */
    public LoginOutcome signIn() {
        PublicClientApplication app;
        CompletableFuture<IAuthenticationResult> future;
        try {
            app = PublicClient.application(settings, file, true, requestTimeout);
            future = app.acquireToken(DeviceCodeFlowParameters.builder(Set.of(scope), this::show).build());
        } catch (Exception e) {
            return new LoginOutcome.Failed(problem(e));
        }
        return MsalCalls.await(future, timeout).fold(done -> signedIn(done.value()),
                failed -> new LoginOutcome.Failed(problem(failed.failure())),
                () -> new LoginOutcome.Failed(CredentialProblem.of(Reason.NOT_SIGNED_IN, "the sign-in was not finished"
                        + " within " + MsalFailures.format(timeout) + ": sign in again, and enter the code in the browser"
                        + " before the time is up")),
                () -> new LoginOutcome.Failed(CredentialProblem.of(Reason.NOT_SIGNED_IN, "the sign-in was interrupted")));
    }

    /** The sign-in's account, once MSAL gave its result and the token cache kept it. */
    private LoginOutcome signedIn(IAuthenticationResult result) {
        secrets.add(result.accessToken());
        Optional<String> failure = file.takeFailure();
        if (failure.isPresent()) {
            return new LoginOutcome.Failed(CredentialProblem.of(Reason.SOURCE_FAILED,
                    "signed in, but " + failure.get() + ": check the directory, or set another path"));
        }
        IAccount account = result.account();
        String username = Optional.ofNullable(account).map(IAccount::username).filter(u -> !u.isBlank())
                .orElse("an account without a user name");
        String tenantId = Optional.ofNullable(account).map(IAccount::homeAccountId)
                .filter(id -> id.contains(".")).map(id -> id.substring(id.indexOf('.') + 1)).orElse("");
        return new LoginOutcome.SignedIn(username, tenantId, file.path());
    }

    private void show(DeviceCode code) {
        String message = code.message();
        prompt.accept(message != null && !message.isBlank() ? message
                : "To sign in, open " + code.verificationUri() + " in a browser and enter the code " + code.userCode());
    }

    private CredentialProblem problem(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof MsalException)) {
            cause = cause.getCause();
        }
        String code = cause instanceof MsalException msal && msal.errorCode() != null
                ? msal.errorCode().toLowerCase(Locale.ROOT) : "";
        switch (code) {
            case "authorization_declined" -> {
                return CredentialProblem.of(Reason.NOT_SIGNED_IN, "the sign-in was declined in the browser");
            }
            case "expired_token", "code_expired" -> {
                return CredentialProblem.of(Reason.NOT_SIGNED_IN, "the device code expired before the sign-in finished:"
                        + " sign in again, and enter the code in time");
            }
            default -> {
                return MsalFailures.of(failure, settings.authority(), secrets,
                        MsalFailures.Hints.signedIn("sign in again"));
            }
        }
    }

    @Override
    public String toString() {
        return "DeviceCodeLogin[authority=" + settings.authority() + ", tenant=" + settings.tenant() + ", clientId="
                + settings.clientId() + ", tokenCache=" + file.path() + "]";
    }

    /** Configures the sign-in; {@code clientId}, {@code tokenCache} and {@code prompt} are required. */
    public static final class Builder {

        private URI authority = Authorities.DEFAULT;
        private String tenant = "organizations";
        private String clientId;
        private String scope = SecureApplicationModelTokens.USER_IMPERSONATION;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration requestTimeout = SecureApplicationModelTokens.DEFAULT_REQUEST_TIMEOUT;
        private TokenCacheFile file;
        private Consumer<String> prompt;

        private Builder() {}

        /**
         * @param authority Entra ID's sign-in host (default {@code https://login.microsoftonline.com})
         * @return this builder
         */
        public Builder authority(URI authority) {
            this.authority = Authorities.check(authority);
            return this;
        }

        /**
         * @param tenant the partner tenant's id or domain (default {@code organizations}: the user's own tenant)
         * @return this builder
         */
        public Builder tenant(String tenant) {
            this.tenant = Authorities.checkTenant(tenant);
            return this;
        }

        /**
         * @param clientId a public client app registration with "Allow public client flows"
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = Authorities.checkClientId(clientId);
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
         * @param timeout how long to wait for the person (default 15 minutes; at most one hour)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            checkNotNull(timeout, "timeout");
            checkArgument(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofHours(1)) <= 0,
                    "the sign-in timeout must be more than zero and at most one hour, got %s", timeout);
            this.timeout = timeout;
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
         * @param file where the sign-in is kept
         * @return this builder
         */
        public Builder tokenCache(TokenCacheFile file) {
            this.file = checkNotNull(file, "file");
            return this;
        }

        /**
         * @param prompt shows the person the message with the URL and the code (text from Entra ID: make it safe
         *     for a terminal before printing it)
         * @return this builder
         */
        public Builder prompt(Consumer<String> prompt) {
            this.prompt = checkNotNull(prompt, "prompt");
            return this;
        }

        /**
         * @return the sign-in, ready to start
         * @throws IllegalStateException naming every missing setting
         */
        public DeviceCodeLogin build() {
            checkState(clientId != null && file != null && prompt != null, "a device-code sign-in needs %s",
                    String.join(", ", java.util.stream.Stream.of(clientId == null ? "clientId" : null,
                            file == null ? "tokenCache" : null, prompt == null ? "prompt" : null)
                            .filter(java.util.Objects::nonNull).toList()));
            return new DeviceCodeLogin(this);
        }
    }
}
