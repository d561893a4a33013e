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
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry loop of one operation: transient failures are retried with backoff within
 * {@link RetryPolicy#maxAttempts()} and {@link RetryPolicy#deadline()}; a {@code 401} gets one retry
 * with a refreshed token; every other failure is final after one request.
 *
 * <p>Why a loop and not Resilience4j's {@code Retry}: in Resilience4j 2.4 the synchronous retry waits
 * through one JVM-wide static sleep function ({@code RetryImpl.setSleepFunction}), so an adapter cannot
 * route its waits through its own injected {@link Sleeper} without changing every other user's waits;
 * and its interval function cannot end the retries (a negative interval is not a stop signal), which
 * "a {@code Retry-After} past the deadline stops at once" needs. The loop is about forty lines, every
 * branch tested.
 */
final class Retrying {

    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Tokens tokens;
    private final RequestGate gate;

    Retrying(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier jitter, Tokens tokens) {
        this(policy, clock, sleeper, jitter, tokens, RequestGate.open());
    }

    Retrying(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier jitter, Tokens tokens, RequestGate gate) {
        this.gate = checkNotNull(gate, "gate");
        this.policy = checkNotNull(policy, "policy");
        this.clock = checkNotNull(clock, "clock");
        this.sleeper = checkNotNull(sleeper, "sleeper");
        this.jitter = checkNotNull(jitter, "jitter");
        this.tokens = checkNotNull(tokens, "tokens");
    }

    /**
     * Runs {@code attempt} (given the bearer token to send) until it succeeds, fails finally, or the
     * bounds are reached. {@code asOutcome} is the identity on failures, typed for {@code O}.
     */
    <O extends Outcome> O run(OperationContext context, Function<String, O> attempt, Function<Failure, O> asOutcome) {
        return run(context, Access.READ, attempt, asOutcome);
    }

    /** What an operation does, so an App-only token is refused locally for an update. */
    enum Access {
        READ,
        UPDATE
    }

    /**
     * Runs {@code attempt} as {@link #run(OperationContext, Function, Function)} does, first checking that the
     * token may {@code access} what the operation needs: an App-only token never reaches an update.
     */
    <O extends Outcome> O run(OperationContext context, Access access, Function<String, O> attempt,
            Function<Failure, O> asOutcome) {
        Instant deadline = clock.instant().plus(policy.deadline());
        TokenOutcome refreshedToken = null;
        boolean refreshed = false;
        boolean throttledBefore = false;
        int sent = 0;
        int retries = 0;
        Failure last = null;
        while (true) {
            try {
                gate.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return asOutcome.apply(new Unavailable(Unavailable.Reason.TIMED_OUT,
                        ErrorDetail.withoutResponse("interrupted while waiting for a turn to send"), Optional.empty(),
                        sent, context));
            }
            if (last != null && clock.instant().isAfter(deadline)) {
                // The gate held this retry (another request's pause) past the deadline: no retry after it.
                LOG.debug("MS-CorrelationId {}: the deadline passed while waiting for a turn; giving up after {} attempts",
                        context.correlationId(), sent);
                return asOutcome.apply(ErrorTranslation.withAttempts(last, sent));
            }
            TokenOutcome token = refreshedToken != null ? refreshedToken : tokens.current();
            refreshedToken = null;
            if (token instanceof CredentialProblem problem) {
                return asOutcome.apply(new AuthenticationFailed(problem, sent, context));
            }
            AccessToken accessToken = (AccessToken) token;
            if (access == Access.UPDATE && accessToken.kind() == TokenKind.APP_ONLY) {
                return asOutcome.apply(new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), sent, context));
            }
            O outcome = attempt.apply(accessToken.value());
            sent++;
            if (!(outcome instanceof Failure failure)) {
                return outcome;
            }
            if (failure instanceof Unavailable u && u.reason() == Unavailable.Reason.THROTTLED) {
                u.retryAfter().ifPresent(gate::throttled);
            }
            if (ErrorTranslation.isUnauthorized(failure)) {
                if (refreshed) {
                    return asOutcome.apply(new AuthenticationFailed(
                            CredentialProblem.refusedByService(((Rejected) failure).error()), sent, context));
                }
                LOG.debug("MS-CorrelationId {}: token refused (401), retrying once with a renewed token",
                        context.correlationId());
                refreshed = true;
                refreshedToken = tokens.refreshed();
                continue;
            }
            int transientAttempts = sent - (refreshed ? 1 : 0);
            if (!ErrorTranslation.isTransient(failure) || transientAttempts >= policy.maxAttempts()) {
                return asOutcome.apply(ErrorTranslation.withAttempts(failure, sent));
            }
            retries++;
            last = failure;
            boolean throttled = failure instanceof Unavailable u && u.reason() == Unavailable.Reason.THROTTLED;
            Duration wait = nextWait(ErrorTranslation.retryAfter(failure), throttled && !throttledBefore, retries);
            throttledBefore |= throttled;
            // Compared as durations: no Instant arithmetic on a service-given wait, however long.
            if (wait.compareTo(Duration.between(clock.instant(), deadline)) > 0) {
                LOG.debug("MS-CorrelationId {}: giving up after {} attempts, next wait {} would pass the deadline",
                        context.correlationId(), sent, wait);
                return asOutcome.apply(ErrorTranslation.withAttempts(failure, sent));
            }
            LOG.debug("MS-CorrelationId {}: attempt {} failed ({}), retrying in {}",
                    context.correlationId(), sent, failure.message(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return asOutcome.apply(ErrorTranslation.withAttempts(failure, sent));
            }
        }
    }

    /**
     * The first {@code 429} with a {@code Retry-After} waits exactly that; any other retry waits the
     * jittered exponential backoff, never less than the {@code Retry-After} the service sent.
     */
    Duration nextWait(Optional<Duration> retryAfter, boolean firstThrottle, int retry) {
        if (firstThrottle && retryAfter.isPresent()) {
            return retryAfter.get();
        }
        Duration backoff = policy.backoff(retry);
        double factor = 0.5 + 0.5 * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        Duration jittered = Duration.ofNanos((long) (backoff.toNanos() * factor));
        Duration floor = retryAfter.orElse(Duration.ZERO);
        return jittered.compareTo(floor) < 0 ? floor : jittered;
    }

    /**
     * Where tokens come from. The last few tokens handed out are remembered so the HTTP log and error answers
     * can cut them out of echoed text.
     */
    static final class Tokens {
        private static final int REMEMBERED = 8;

        private final AccessTokenPort source;
        private final Deque<String> recent = new ConcurrentLinkedDeque<>();

        Tokens(AccessTokenPort source) {
            this.source = checkNotNull(source, "accessTokens");
        }

        TokenOutcome current() {
            return remember(asked(source::currentToken, "currentToken()"));
        }

        TokenOutcome refreshed() {
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
}
