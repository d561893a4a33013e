package io.github.pcqualification.domain.outcome;

import java.util.function.Function;

/**
 * What asking an {@link io.github.pcqualification.domain.port.out.AccessTokenPort} for a token gives: a token
 * to send, or the reason there is none. Never an exception. Branch on it with {@link #fold}, which takes one
 * function per variant.
 */
public sealed interface TokenOutcome permits AccessToken, CredentialProblem {

    /**
     * Applies the function for this outcome's variant, and only that one.
     *
     * @param token for an {@link AccessToken}
     * @param problem for a {@link CredentialProblem}
     * @param <R> what the functions return
     * @return what the chosen function returned for this outcome
     * @throws NullPointerException if a function is null
     */
    <R> R fold(Function<? super AccessToken, ? extends R> token, Function<? super CredentialProblem, ? extends R> problem);
}
