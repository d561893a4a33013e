package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.TokenKind;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bearer token ready to send: non-empty visible ASCII (it goes into a header), with the identity it speaks
 * for and when it expires, if known. Its {@code toString} never shows it, and no message about a bad token
 * quotes it.
 *
 * @param value the token, without the {@code Bearer } prefix
 * @param kind App+User, App-only, or unspecified
 * @param expiresAt when the token stops being accepted, if known
 */
public record AccessToken(String value, TokenKind kind, Optional<Instant> expiresAt) implements TokenOutcome {

    /** Longer than any token Entra ID issues (a few KB), short enough to bound what is sent. */
    public static final int MAX_LENGTH = 16 * 1024;

    /**
     * Checks the token.
     *
     * @param value the token, without the {@code Bearer } prefix
     * @param kind App+User, App-only, or unspecified
     * @param expiresAt when the token stops being accepted, if known
     * @throws IllegalArgumentException if the token could not be sent as it is; the message names the problem
     *     (and the index of a bad character) but never quotes the token
     */
    public AccessToken {
        checkNotNull(value, "value");
        checkNotNull(kind, "kind");
        checkNotNull(expiresAt, "expiresAt");
        Optional<String> problem = problemWith(value);
        checkArgument(problem.isEmpty(), "the access token is %s", problem.orElse(""));
    }

    /**
     * A token checked without an exception: the token, or a {@link CredentialProblem} that names what is wrong
     * with it and who gave it.
     *
     * @param value what the source returned, possibly null
     * @param kind the identity it speaks for
     * @param expiresAt when it expires, if known
     * @param source who returned it, for the message (such as {@code "the token supplier"})
     * @return the token, or a {@link CredentialProblem.Reason#MALFORMED_TOKEN} problem
     */
    public static TokenOutcome check(String value, TokenKind kind, Optional<Instant> expiresAt, String source) {
        if (value == null) {
            return CredentialProblem.of(CredentialProblem.Reason.MALFORMED_TOKEN,
                    source + " returned no token (null): it must return the bearer token");
        }
        return problemWith(value)
                .<TokenOutcome>map(p -> CredentialProblem.of(CredentialProblem.Reason.MALFORMED_TOKEN,
                        source + " returned " + p + ": it must return the bearer token alone, visible ASCII"))
                .orElseGet(() -> new AccessToken(value, kind, expiresAt));
    }

    /** What makes {@code value} unsendable, worded for a message, without quoting it. */
    private static Optional<String> problemWith(String value) {
        if (value.isBlank()) {
            return Optional.of(value.isEmpty() ? "an empty token" : "a blank token");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("a token of " + value.length() + " characters (at most " + MAX_LENGTH + ")");
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("a token that starts with \"Bearer \"");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of("a token with " + describe(c) + " at index " + i);
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        if (c == '\r' || c == '\n') {
            return "a line break";
        }
        if (c == ' ') {
            return "a space";
        }
        return c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character";
    }

    /**
     * Whether the token is known to expire before {@code instant}.
     *
     * @param instant the moment to compare with
     * @return true if the expiry is known and not after {@code instant}
     */
    public boolean expiresBefore(Instant instant) {
        return expiresAt.map(e -> !e.isAfter(instant)).orElse(false);
    }

    @Override
    public String toString() {
        return "AccessToken[kind=" + kind + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown")
                + ", value=<redacted>]";
    }

    @Override
    public <R> R fold(Function<? super AccessToken, ? extends R> token,
            Function<? super CredentialProblem, ? extends R> problem) {
        checkNotNull(token, "token");
        checkNotNull(problem, "problem");
        return token.apply(this);
    }
}
