package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.Printable;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why no usable access token could be had, in words that name what to fix. {@code remote} keeps what the token
 * endpoint or Partner Center answered (HTTP status, error code such as {@code invalid_grant} or
 * {@code AADSTS700082}, description) when the problem came from an answer. The message never holds a token, a
 * refresh token or a client secret.
 *
 * @param reason the kind of problem
 * @param message one line for people, naming what to fix
 * @param remote the answer that told, if one did
 */
public record CredentialProblem(Reason reason, String message, Optional<ErrorDetail> remote) implements TokenOutcome {

    /** Messages come from exceptions and answers: they are cut to one line of at most this many characters. */
    private static final int MAX_MESSAGE = 1000;

    /** The kinds of credential problem; each asks for a different fix. */
    public enum Reason {
        /** The token source failed (a platform's supplier threw, or the token cache could not be read). */
        SOURCE_FAILED,
        /** The token source returned something that cannot be sent (blank, a line break, a {@code Bearer } prefix). */
        MALFORMED_TOKEN,
        /** The token endpoint could not be reached (DNS, connection, TLS, timeout). */
        ENDPOINT_UNREACHABLE,
        /** The refresh token (or device code, or sign-in) was refused: expired, revoked, or for another client. */
        INVALID_GRANT,
        /** The application's credentials were refused: wrong client id, secret or certificate. */
        INVALID_CLIENT,
        /** The token endpoint refused for another reason (its error code is in {@code remote}). */
        TOKEN_ENDPOINT_ERROR,
        /** No credentials are configured, or the sign-in has ended (signed out, or never signed in). */
        NOT_SIGNED_IN,
        /** An update needs an App+User token; the configured credentials give App-only tokens. */
        APP_ONLY_FOR_UPDATE,
        /** Partner Center refused the token ({@code 401}), also after it was renewed once. */
        REFUSED_BY_SERVICE
    }

    /**
     * Checks the fields and makes the message one line of at most 1000 characters
     * ({@link Printable#oneLine(String, int)}): control characters and line breaks must not reach a log line.
     *
     * @param reason the kind of problem
     * @param message one line for people, naming what to fix
     * @param remote the answer that told, if one did
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the message is blank (or holds nothing but control characters)
     */
    public CredentialProblem {
        checkNotNull(reason, "reason");
        checkNotNull(message, "message");
        checkNotNull(remote, "remote");
        message = Printable.oneLine(message, MAX_MESSAGE);
        checkArgument(!message.isEmpty(), "message must not be blank");
    }

    /**
     * A problem found without an answer from anyone.
     *
     * @param reason the kind of problem
     * @param message one line naming what to fix
     * @return the problem
     */
    public static CredentialProblem of(Reason reason, String message) {
        return new CredentialProblem(reason, message, Optional.empty());
    }

    /**
     * The one problem the library finds itself before an update: the token is App-only.
     *
     * @return the problem
     */
    public static CredentialProblem appOnlyForUpdate() {
        return of(Reason.APP_ONLY_FOR_UPDATE, "an update needs an App+User token (the Secure Application Model: a"
                + " refresh token of a partner user), but the configured credentials give App-only tokens;"
                + " App-only tokens can only read; nothing was sent");
    }

    /**
     * Partner Center refused the token with {@code 401}, also after it was renewed once.
     *
     * @param answer the service's last answer (HTTP 401, its code and description)
     * @return the problem, naming what Partner Center requires of a token
     */
    public static CredentialProblem refusedByService(ErrorDetail answer) {
        checkNotNull(answer, "answer");
        return new CredentialProblem(Reason.REFUSED_BY_SERVICE, "Partner Center refused the access token (HTTP 401),"
                + " also after it was renewed: use an App+User token of a partner user (MFA, an admin or sales agent"
                + " role) for the partner's tenant with the scope"
                + " https://api.partnercenter.microsoft.com/user_impersonation", Optional.of(answer));
    }

    @Override
    public <R> R fold(Function<? super AccessToken, ? extends R> token,
            Function<? super CredentialProblem, ? extends R> problem) {
        checkNotNull(token, "token");
        checkNotNull(problem, "problem");
        return problem.apply(this);
    }
}
