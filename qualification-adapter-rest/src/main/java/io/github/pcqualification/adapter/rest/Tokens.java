package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Where tokens come from. The last few tokens handed out are remembered so the HTTP log and error answers can cut
 * them out of echoed text. Thread-safe.
 */
final class Tokens {
    private static final int REMEMBERED = 8;

    private final AccessTokenPort source;
    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    Tokens(AccessTokenPort source) {
        this.source = checkNotNull(source, "accessTokens");
    }

    TokenOutcome current() {
        return remember(asked(source::currentToken, "currentToken()"));
    }

    TokenOutcome renewed() {
        return remember(asked(source::renewedToken, "renewedToken()"));
    }

    /** The tokens sent lately, newest first. */
    List<String> recent() {
        return List.copyOf(recent);
    }

    private TokenOutcome remember(TokenOutcome outcome) {
        if (outcome instanceof AccessToken token) {
            String value = token.value();
            if (!value.equals(recent.peekFirst())) {
                recent.remove(value);
                recent.addFirst(value);
                while (recent.size() > REMEMBERED) {
                    recent.pollLast();
                }
            }
        }
        return outcome;
    }

    /** A port that breaks its promise (throws, returns null) still gives an outcome, never an exception. */
    private static TokenOutcome asked(Supplier<TokenOutcome> ask, String method) {
        try {
            TokenOutcome outcome = ask.get();
            return outcome != null ? outcome : CredentialProblem.of(CredentialProblem.Reason.SOURCE_FAILED,
                    "AccessTokenPort." + method + " returned null: fix the token source; nothing was sent");
        } catch (RuntimeException e) {
            return CredentialProblem.of(CredentialProblem.Reason.SOURCE_FAILED, "AccessTokenPort." + method
                    + " failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "): fix the token source; nothing was sent");
        }
    }
}
