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
import io.github.pcqualification.domain.outcome.Unavailable;
import java.util.Optional;
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
         * One function per way a request can end.
         *
         * @param answered what to do with an outcome
         * @param unauthorized what to do with a refused token's answer
         * @param <R> the result
         * @return what the matching function returns
         */
        <R> R fold(Function<? super O, ? extends R> answered, Function<? super ErrorDetail, ? extends R> unauthorized);

        /**
         * The service answered with something other than {@code 401}, or no answer came.
         *
         * @param outcome the outcome of the request
         */
        record Answered<O>(O outcome) implements Sent<O> {
            @Override
            public <R> R fold(Function<? super O, ? extends R> answered,
                    Function<? super ErrorDetail, ? extends R> unauthorized) {
                return answered.apply(outcome);
            }
        }

        /**
         * The service refused the token.
         *
         * @param answer its answer, redacted
         */
        record Unauthorized<O>(ErrorDetail answer) implements Sent<O> {
            @Override
            public <R> R fold(Function<? super O, ? extends R> answered,
                    Function<? super ErrorDetail, ? extends R> unauthorized) {
                return unauthorized.apply(answer);
            }
        }
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
        return tokens.current().fold(
                token -> sendable(token, access, 0, context).<O>map(typed).orElseGet(() -> send.apply(token.value()).fold(
                        outcome -> outcome, refused -> renewAndSendAgain(context, access, send, typed))),
                problem -> typed.apply(new AuthenticationFailed(problem, 0, context)));
    }

    /** After a {@code 401}: once more with a renewed token; a failure then counts both requests. */
    private <O extends Outcome> O renewAndSendAgain(OperationContext context, Access access,
            Function<String, Sent<O>> send, Function<Failure, O> typed) {
        LOG.debug("MS-CorrelationId {}: token refused (401), sending once more with a renewed token",
                context.correlationId());
        return tokens.renewed().fold(
                renewed -> sendable(renewed, access, 1, context).<O>map(typed).orElseGet(() -> send.apply(renewed.value())
                        .fold(outcome -> countBoth(outcome, typed), refused -> typed.apply(new AuthenticationFailed(
                                CredentialProblem.refusedByService(refused), 2, context)))),
                problem -> typed.apply(new AuthenticationFailed(problem, 1, context)));
    }

    /** An App-only token is refused locally for an update: it would be refused by the service. */
    private static Optional<Failure> sendable(AccessToken token, Access access, int sent, OperationContext context) {
        return access == Access.UPDATE && token.kind() == TokenKind.APP_ONLY
                ? Optional.of(new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), sent, context))
                : Optional.empty();
    }

    /** The repeat was the operation's second request: an {@link Unavailable} counts both. */
    private static <O extends Outcome> O countBoth(O outcome, Function<Failure, O> typed) {
        return Optional.of(outcome).filter(Failure.class::isInstance).map(Failure.class::cast)
                .flatMap(failure -> failure.<Optional<Unavailable>>foldFailure(i -> Optional.empty(),
                        r -> Optional.empty(), n -> Optional.empty(), Optional::of, a -> Optional.empty()))
                .map(unavailable -> typed.apply(unavailable.withAttempts(2))).orElse(outcome);
    }
}
