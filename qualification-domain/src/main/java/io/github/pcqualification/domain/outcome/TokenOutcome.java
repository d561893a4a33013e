package io.github.pcqualification.domain.outcome;

/**
 * What asking an {@link io.github.pcqualification.domain.port.out.AccessTokenPort} for a token gives: a token
 * to send, or the reason there is none. Never an exception.
 */
public sealed interface TokenOutcome permits AccessToken, CredentialProblem {
}
