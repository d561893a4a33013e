package io.github.pcqualification.cli;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.auth.msal.AppOnlyTokens;
import io.github.pcqualification.auth.msal.SecureApplicationModelTokens;
import io.github.pcqualification.auth.msal.SignedInUserTokens;
import io.github.pcqualification.auth.msal.TokenCacheFile;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the tool's access tokens come from, chosen from the environment (secrets are never flags), first match wins:
 * <ol>
 *   <li>{@code PARTNER_CENTER_TOKEN}: a bearer token, as it is (checked before anything is sent);</li>
 *   <li>{@code PARTNER_CENTER_TENANT_ID}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET} and {@code _REFRESH_TOKEN}:
 *       the Secure Application Model (App+User; the rotated refresh token is not persisted by the tool);</li>
 *   <li>the same without a refresh token: App-only tokens (reads only);</li>
 *   <li>the sign-in kept by {@code qualification login}.</li>
 * </ol>
 * {@code PARTNER_CENTER_AUTHORITY} (https) replaces Entra ID's global sign-in host. A partial set is a usage error that
 * names the missing variables. No message holds a variable's value.
 */
final class Credentials {

    static final String TOKEN = "PARTNER_CENTER_TOKEN";
    static final String TENANT_ID = "PARTNER_CENTER_TENANT_ID";
    static final String CLIENT_ID = "PARTNER_CENTER_CLIENT_ID";
    static final String CLIENT_SECRET = "PARTNER_CENTER_CLIENT_SECRET";
    static final String REFRESH_TOKEN = "PARTNER_CENTER_REFRESH_TOKEN";
    static final String AUTHORITY = "PARTNER_CENTER_AUTHORITY";
    static final String TOKEN_CACHE = "PARTNER_CENTER_TOKEN_CACHE";
    static final String LOGIN_HINT = "run `qualification login`";

    private static final String NO_CREDENTIALS = "no credentials: set " + TOKEN + ", or the Secure Application Model"
            + " variables " + TENANT_ID + ", " + CLIENT_ID + ", " + CLIENT_SECRET + " and " + REFRESH_TOKEN + ", or "
            + LOGIN_HINT;

    /** What the environment gives: tokens, or why the command cannot run ({@link ExitCodes#INVALID}, nothing sent). */
    sealed interface Choice {

        /** Applies the function for this choice's variant, and only that one; null functions are refused. */
        <R> R fold(Function<? super Tokens, ? extends R> usable, Function<? super Unusable, ? extends R> unusable);

        /** A token source. */
        record Tokens(AccessTokenPort tokens) implements Choice {
            @Override
            public <R> R fold(Function<? super Tokens, ? extends R> usable,
                    Function<? super Unusable, ? extends R> unusable) {
                checkNotNull(usable, "usable");
                checkNotNull(unusable, "unusable");
                return usable.apply(this);
            }
        }

        /** A usage error, naming what to set. */
        record Unusable(String message) implements Choice {
            @Override
            public <R> R fold(Function<? super Tokens, ? extends R> usable,
                    Function<? super Unusable, ? extends R> unusable) {
                checkNotNull(usable, "usable");
                checkNotNull(unusable, "unusable");
                return unusable.apply(this);
            }
        }
    }

    private Credentials() {}

    static Choice fromEnvironment(Map<String, String> environment) {
        Optional<String> token = value(environment, TOKEN);
        if (token.isPresent()) {
            String value = token.get();
            return AccessToken.check(value, TokenKind.UNSPECIFIED, Optional.empty(), TOKEN).fold(
                    checked -> new Choice.Tokens(AccessTokenPort.of(() -> value)),
                    problem -> new Choice.Unusable(problem.message() + "; nothing was sent"));
        }
        Optional<String> secret = value(environment, CLIENT_SECRET);
        Optional<String> refreshToken = value(environment, REFRESH_TOKEN);
        if (secret.isPresent() || refreshToken.isPresent()) {
            return confidential(environment, secret, refreshToken);
        }
        Optional<Path> cache = tokenCache(environment);
        if (cache.isPresent() && TokenCacheFile.at(cache.get()).exists()) {
            return new Choice.Tokens(SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(cache.get()))
                    .signInAgain(LOGIN_HINT).build());
        }
        return new Choice.Unusable(NO_CREDENTIALS);
    }

    /** Where {@code login} keeps the sign-in: {@code PARTNER_CENTER_TOKEN_CACHE}, else the user's config directory. */
    static Optional<Path> tokenCache(Map<String, String> environment) {
        return value(environment, TOKEN_CACHE).map(Path::of).or(() -> TokenCacheFile.defaultPath(environment));
    }

    /** {@code PARTNER_CENTER_AUTHORITY}, if set. @throws IllegalArgumentException if it is not an https URL */
    static Optional<URI> authority(Map<String, String> environment) {
        Optional<String> authority = value(environment, AUTHORITY);
        if (authority.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(authority.get());
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException(AUTHORITY + " must be an https URL such as"
                        + " https://login.microsoftonline.com");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(AUTHORITY + " is not a URL: " + e.getReason(), e);
        }
    }

    static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    private static Choice confidential(Map<String, String> environment, Optional<String> secret,
            Optional<String> refreshToken) {
        Optional<String> tenant = value(environment, TENANT_ID);
        Optional<String> client = value(environment, CLIENT_ID);
        List<String> missing = new ArrayList<>();
        tenant.ifPresentOrElse(t -> { }, () -> missing.add(TENANT_ID));
        client.ifPresentOrElse(c -> { }, () -> missing.add(CLIENT_ID));
        secret.ifPresentOrElse(s -> { }, () -> missing.add(CLIENT_SECRET));
        String model = refreshToken.isPresent() ? "the Secure Application Model" : "App-only tokens";
        if (!missing.isEmpty()) {
            return new Choice.Unusable((refreshToken.isPresent() ? REFRESH_TOKEN : CLIENT_SECRET) + " is set, but "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not: " + model + " needs "
                    + TENANT_ID + ", " + CLIENT_ID + " and " + CLIENT_SECRET
                    + (refreshToken.isPresent() ? " with " + REFRESH_TOKEN : "") + "; nothing was sent");
        }
        String setting = AUTHORITY;
        try {
            Optional<URI> authority = authority(environment);
            if (refreshToken.isPresent()) {
                SecureApplicationModelTokens.Builder builder = SecureApplicationModelTokens.builder();
                authority.ifPresent(builder::authority);
                setting = TENANT_ID;
                builder.tenantId(tenant.get());
                setting = CLIENT_ID;
                builder.clientId(client.get());
                setting = CLIENT_SECRET;
                builder.clientSecret(secret.get());
                setting = REFRESH_TOKEN;
                builder.refreshToken(refreshToken.get());
                return new Choice.Tokens(builder.build());
            }
            AppOnlyTokens.Builder builder = AppOnlyTokens.builder();
            authority.ifPresent(builder::authority);
            setting = TENANT_ID;
            builder.tenantId(tenant.get());
            setting = CLIENT_ID;
            builder.clientId(client.get());
            setting = CLIENT_SECRET;
            builder.clientSecret(secret.get());
            return new Choice.Tokens(builder.build());
        } catch (IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage() == null ? "not usable" : e.getMessage();
            return new Choice.Unusable((message.startsWith(AUTHORITY) ? message : setting + ": " + message)
                    + "; nothing was sent");
        }
    }
}
