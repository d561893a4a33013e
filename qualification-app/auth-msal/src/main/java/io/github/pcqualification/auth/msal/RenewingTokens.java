package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache every source here shares: one access token, handed out while it is fresh, renewed by one exchange at a
 * time (single flight) before it expires.
 *
 * <ul>
 *   <li>Fresh (before {@code expiresAt - renewBefore}, or half its lifetime for a token shorter than twice
 *       {@code renewBefore}): returned as it is, no lock taken.</li>
 *   <li>In the renewal window but still valid: one caller renews; callers that arrive meanwhile keep using the
 *       valid token instead of waiting.</li>
 *   <li>Expired or absent: callers wait for the one exchange under way (bounded by the source's request timeout).</li>
 *   <li>{@link #renewed()} (after Partner Center answered 401) forces an exchange, unless one finished less than
 *       {@link #QUIET_PERIOD} ago: a burst of 401s from many threads costs one request.</li>
 *   <li>A failed exchange is not repeated for {@link #QUIET_PERIOD}; while the current token is still valid it is
 *       used (a long job survives a token endpoint that hiccups), and each failed exchange is logged once at WARN
 *       (its message, which never holds a secret).</li>
 * </ul>
 *
 * <p>Times come from the injected {@link Clock}; nothing here sleeps.
 */
final class RenewingTokens {

    /** Exchanges closer together than this are not repeated; nor is a failed one. */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RenewingTokens.class);

    /** One request to the token endpoint; never throws. */
    @FunctionalInterface
    interface Exchange {
        /**
         * @param forced true after Partner Center refused the current token (a cache in between must be skipped)
         * @return a token (with its lifetime) or the problem
         */
        Fetched fetch(boolean forced);
    }

    /** What one exchange gave. Branch on it with {@link #fold}. */
    sealed interface Fetched {

        /** Applies the function for this variant, and only that one; null functions are refused. */
        <R> R fold(Function<? super Token, ? extends R> token, Function<? super Problem, ? extends R> problem);

        /**
         * A token as the endpoint gave it, and how long it lives from when the exchange started.
         *
         * @param value the access token (checked before it is handed out)
         * @param kind the identity it speaks for
         * @param lifetime from the start of the exchange to its expiry
         */
        record Token(String value, TokenKind kind, Duration lifetime) implements Fetched {
            @Override
            public <R> R fold(Function<? super Token, ? extends R> token, Function<? super Problem, ? extends R> problem) {
                checkNotNull(token, "token");
                checkNotNull(problem, "problem");
                return token.apply(this);
            }

            @Override
            public String toString() {
                return "Token[kind=" + kind + ", lifetime=" + lifetime + ", value=<redacted>]";
            }
        }

        /** Why there is none. */
        record Problem(CredentialProblem problem) implements Fetched {
            @Override
            public <R> R fold(Function<? super Token, ? extends R> token,
                    Function<? super Problem, ? extends R> problem) {
                checkNotNull(token, "token");
                checkNotNull(problem, "problem");
                return problem.apply(this);
            }
        }
    }

    private record Held(AccessToken token, Instant renewAt, Instant expiresAt, Instant obtainedAt) {}

    private final Exchange exchange;
    private final Clock clock;
    private final Duration renewBefore;
    private final String sourceName;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Held held;
    /** Guarded by {@link #lock}. */
    private CredentialProblem lastFailure;
    private Instant lastFailureAt;

    RenewingTokens(Exchange exchange, Clock clock, Duration renewBefore, String sourceName) {
        this.exchange = checkNotNull(exchange, "exchange");
        this.clock = checkNotNull(clock, "clock");
        this.renewBefore = checkNotNull(renewBefore, "renewBefore");
        checkArgument(!renewBefore.isNegative(), "renewBefore must not be negative");
        this.sourceName = checkNotNull(sourceName, "sourceName");
    }

    /** The cached token while it is fresh, else a renewed one (or the still-valid one while another caller renews). */
    TokenOutcome current() {
        Held now = held;
        Instant at = clock.instant();
        if (now != null && at.isBefore(now.renewAt())) {
            return now.token();
        }
        if (now != null && at.isBefore(now.expiresAt())) {
            if (!lock.tryLock()) {
                return now.token();
            }
        } else {
            lock.lock();
        }
        try {
            return renewIfNeeded();
        } finally {
            lock.unlock();
        }
    }

    /** A new token after Partner Center refused the current one (or the one another caller just got). */
    TokenOutcome renewed() {
        lock.lock();
        try {
            Instant at = clock.instant();
            Held now = held;
            if (now != null && at.isBefore(now.obtainedAt().plus(QUIET_PERIOD))) {
                return now.token();
            }
            if (lastFailure != null && at.isBefore(lastFailureAt.plus(QUIET_PERIOD))) {
                return lastFailure;
            }
            // The current token was refused: it is of no use any more, whatever its expiry says.
            held = null;
            return settle(exchange.fetch(true), at, Optional.empty());
        } finally {
            lock.unlock();
        }
    }

    /** How many callers wait for the exchange under way (tests prove single flight with it). */
    int waiting() {
        return lock.getQueueLength();
    }

    private TokenOutcome renewIfNeeded() {
        Instant at = clock.instant();
        Held now = held;
        if (now != null && at.isBefore(now.renewAt())) {
            return now.token();
        }
        Optional<Held> stillValid = Optional.ofNullable(now).filter(h -> at.isBefore(h.expiresAt()));
        if (lastFailure != null && at.isBefore(lastFailureAt.plus(QUIET_PERIOD))) {
            return stillValid.<TokenOutcome>map(Held::token).orElse(lastFailure);
        }
        return settle(exchange.fetch(false), at, stillValid);
    }

    private TokenOutcome settle(Fetched fetched, Instant startedAt, Optional<Held> stillValid) {
        return fetched.fold(token -> {
            Instant expiresAt = startedAt.plus(token.lifetime());
            return AccessToken.check(token.value(), token.kind(), Optional.of(expiresAt), "the token endpoint").fold(
                    accessToken -> hold(accessToken, token.lifetime(), startedAt, expiresAt),
                    problem -> failed(problem, stillValid));
        }, none -> failed(none.problem(), stillValid));
    }

    private AccessToken hold(AccessToken accessToken, Duration lifetime, Instant startedAt, Instant expiresAt) {
        Duration margin = renewBefore.compareTo(lifetime.dividedBy(2)) <= 0 ? renewBefore : lifetime.dividedBy(2);
        held = new Held(accessToken, expiresAt.minus(margin), expiresAt, startedAt);
        lastFailure = null;
        return accessToken;
    }

    private TokenOutcome failed(CredentialProblem problem, Optional<Held> stillValid) {
        lastFailure = problem;
        lastFailureAt = clock.instant();
        if (stillValid.isPresent()) {
            LOG.warn("{}: renewing the access token failed ({}: {}); the current token is used until it expires at {}",
                    sourceName, problem.reason(), problem.message(), stillValid.get().expiresAt());
            return stillValid.get().token();
        }
        return problem;
    }
}
