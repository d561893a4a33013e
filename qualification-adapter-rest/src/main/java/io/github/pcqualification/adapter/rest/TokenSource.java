package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Supplier;

/**
 * Credentials: the bearer token source, asked once per request so tokens can rotate.
 *
 * <p>The adapter never logs a token, never puts one in a message or {@code toString}. A token must be
 * visible ASCII (no spaces, no line breaks); anything else is a programming error of the source.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * The token to send now.
     *
     * @return the bearer token, without the {@code Bearer } prefix
     */
    String currentToken();

    /**
     * Asked once after the service answered {@code 401}; by default {@link #currentToken()}.
     *
     * @return a token to retry the request with, freshly obtained if the source can
     */
    default String refreshedToken() {
        return currentToken();
    }

    /**
     * A source that asks {@code supplier} for every request (and again after a {@code 401}).
     *
     * @param supplier gives the current token
     * @return the token source
     * @throws NullPointerException if {@code supplier} is null
     */
    static TokenSource of(Supplier<String> supplier) {
        checkNotNull(supplier, "token supplier");
        return supplier::get;
    }
}
