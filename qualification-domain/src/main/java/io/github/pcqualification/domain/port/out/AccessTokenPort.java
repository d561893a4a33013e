package io.github.pcqualification.domain.port.out;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Outbound port: access tokens for Partner Center. Asked before every request, so an implementation caches and
 * renews; {@link #renewedToken()} is asked once when Partner Center refused a token with {@code 401}.
 *
 * <p>Implementations never throw for a credential problem: they return a {@link CredentialProblem} that names
 * what to fix, and never put a token, refresh token or secret in it. Thread-safe.
 */
public interface AccessTokenPort {

    /**
     * A token to send now: cached while it is valid, renewed before it expires.
     *
     * @return the token, or why there is none
     */
    TokenOutcome currentToken();

    /**
     * A new token, asked after Partner Center refused the current one; by default {@link #currentToken()}.
     *
     * @return the token, or why there is none
     */
    default TokenOutcome renewedToken() {
        return currentToken();
    }

    /**
     * Tokens from a platform's own supplier, asked for every request; the supplier may also be asked after a
     * {@code 401}. A supplier that throws, or returns null, a blank token or one that cannot be sent in a header,
     * gives a {@link CredentialProblem} instead of an exception.
     *
     * @param current gives the token to send (without the {@code Bearer } prefix)
     * @param renewed gives a fresh token after a {@code 401}
     * @return the port
     */
    static AccessTokenPort of(Supplier<String> current, Supplier<String> renewed) {
        checkNotNull(current, "current");
        checkNotNull(renewed, "renewed");
        return new AccessTokenPort() {
            @Override
            public TokenOutcome currentToken() {
                return ask(current, "the token supplier");
            }

            @Override
            public TokenOutcome renewedToken() {
                return ask(renewed, "the refreshed-token supplier");
            }

            @Override
            public String toString() {
                return "AccessTokenPort[supplier, tokens redacted]";
            }
        };
    }

    /**
     * Tokens from one supplier, asked for every request and again after a {@code 401}.
     *
     * @param supplier gives the token to send (without the {@code Bearer } prefix)
     * @return the port
     */
    static AccessTokenPort of(Supplier<String> supplier) {
        return of(supplier, supplier);
    }

    private static TokenOutcome ask(Supplier<String> supplier, String name) {
        String token;
        try {
            token = supplier.get();
        } catch (RuntimeException e) {
            return CredentialProblem.of(CredentialProblem.Reason.SOURCE_FAILED, name + " failed ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "): fix the token source; nothing was sent");
        }
        return AccessToken.check(token, TokenKind.UNSPECIFIED, Optional.empty(), name);
    }
}
