package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of an operation, as far as tokens go: what is truly HTTP-specific and stays in this adapter. It asks
 * for a token, refuses an App-only token for an update before sending, and when Partner Center answers {@code 401}
 * asks once for a renewed token and sends again at once. Retries of transient failures are not its business: the
 * domain's {@code ResilientPorts} decorates the port.
 */
final class Authorizing {

    private static final Logger LOG = LoggerFactory.getLogger(Authorizing.class);

    /** What an operation does, so an App-only token is refused locally for an update. */
    enum Access {
        READ,
        UPDATE
    }

    /** How one request ended: an outcome, or a {@code 401} whose answer is kept. */
    sealed interface Sent<O> {
        /**
         * The service answered with something other than {@code 401}, or no answer came.
         *
         * @param outcome the outcome of the request
         */
        record Answered<O>(O outcome) implements Sent<O> {}

        /**
         * The service refused the token.
         *
         * @param answer its answer, redacted
         */
        record Unauthorized<O>(ErrorDetail answer) implements Sent<O> {}
    }

    private final Tokens tokens;

    Authorizing(Tokens tokens) {
        this.tokens = checkNotNull(tokens, "tokens");
    }

    /**
     * Sends one attempt with the current token and, after a {@code 401}, once more with a renewed one. A failure
     * after the repeat counts both requests. {@code typed} is the identity on failures, typed for {@code O}.
     */
    <O extends Outcome> O attempt(OperationContext context, Access access, Function<String, Sent<O>> send,
            Function<Failure, O> typed) {
        TokenOutcome first = tokens.current();
        if (!(first instanceof AccessToken token)) {
            return typed.apply(new AuthenticationFailed((CredentialProblem) first, 0, context));
        }
        if (access == Access.UPDATE && token.kind() == TokenKind.APP_ONLY) {
            return typed.apply(new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), 0, context));
        }
        Sent<O> sent = send.apply(token.value());
        if (sent instanceof Sent.Answered<O> answered) {
            return answered.outcome();
        }
        LOG.debug("MS-CorrelationId {}: token refused (401), sending once more with a renewed token",
                context.correlationId());
        TokenOutcome second = tokens.renewed();
        if (!(second instanceof AccessToken renewed)) {
            return typed.apply(new AuthenticationFailed((CredentialProblem) second, 1, context));
        }
        if (access == Access.UPDATE && renewed.kind() == TokenKind.APP_ONLY) {
            return typed.apply(new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), 1, context));
        }
        Sent<O> again = send.apply(renewed.value());
        if (again instanceof Sent.Unauthorized<O> refused) {
            return typed.apply(new AuthenticationFailed(CredentialProblem.refusedByService(refused.answer()), 2,
                    context));
        }
        O outcome = ((Sent.Answered<O>) again).outcome();
        // The repeat was the operation's second request: an Unavailable counts both.
        return outcome instanceof Unavailable unavailable ? typed.apply(unavailable.withAttempts(2)) : outcome;
    }
}
