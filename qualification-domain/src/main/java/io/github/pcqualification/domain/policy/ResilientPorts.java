package io.github.pcqualification.domain.policy;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decorator: the resilience every port implementation gets, the in-memory fake as much as the REST adapter. It
 * retries what the port classified as {@linkplain Unavailable#isTransient() transient}, within the
 * {@link RetryPolicy}'s attempts and deadline, waiting a jittered exponential backoff that is never shorter than the
 * service's {@code Retry-After} (the first throttling waits exactly its {@code Retry-After}); it passes a
 * {@link RequestGate} before every attempt and tells it of every throttling, so one throttled request slows a whole
 * job. It reads outcomes only, never an HTTP status: each adapter classified its answers at its own edge.
 *
 * <p>Every attempt of an operation goes to the port with the same {@link OperationContext}, so the REST adapter sends
 * the same {@code MS-RequestId} on each. A final {@link Unavailable} or
 * {@link io.github.pcqualification.domain.outcome.AuthenticationFailed} counts the requests of every attempt (an
 * adapter reports two for an attempt it repeated with a renewed token). Time comes from the injected {@link Clock}
 * and {@link Sleeper}, so tests run on virtual time. Thread-safe if the ports and the gate are.
 *
 * <pre>{@code
 * ResilientPorts ports = ResilientPorts.over(adapter)
 *         .retryPolicy(RetryPolicy.defaults())
 *         .requestGate(throttle)
 *         .build();
 * }</pre>
 */
public final class ResilientPorts implements QualificationPort, ValidationCodePort {

    private final QualificationPort qualifications;
    private final ValidationCodePort codes;
    private final RetryPolicy policy;
    private final RequestGate gate;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    private ResilientPorts(Builder b) {
        this.qualifications = b.qualifications;
        this.codes = b.codes;
        this.policy = b.policy;
        this.gate = b.gate;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.jitter = b.jitter;
    }

    /**
     * Starts decorating one implementation of both ports.
     *
     * @param ports the port implementation, such as the REST adapter or the in-memory fake
     * @param <P> its type
     * @return a builder with the default policy, an open gate and real time
     * @throws NullPointerException if {@code ports} is null
     */
    public static <P extends QualificationPort & ValidationCodePort> Builder over(P ports) {
        checkNotNull(ports, "ports");
        return new Builder(ports, ports);
    }

    /**
     * Starts decorating two port implementations.
     *
     * @param qualifications the qualification endpoints
     * @param codes the validation code endpoints
     * @return a builder with the default policy, an open gate and real time
     * @throws NullPointerException if either is null
     */
    public static Builder over(QualificationPort qualifications, ValidationCodePort codes) {
        return new Builder(checkNotNull(qualifications, "qualifications"), checkNotNull(codes, "codes"));
    }

    @Override
    public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
        checkNotNull(request, "request");
        checkNotNull(context, "context");
        return run(context, () -> qualifications.setQualification(request, context), Outcomes::failureOf, f -> f);
    }

    @Override
    public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
        checkNotNull(request, "request");
        checkNotNull(context, "context");
        return run(context, () -> qualifications.requestQualification(request, context), Outcomes::failureOf,
                f -> f);
    }

    @Override
    public GetOutcome getQualification(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        return run(context, () -> qualifications.getQualification(customer, context), Outcomes::failureOf, f -> f);
    }

    @Override
    public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        return run(context, () -> qualifications.getQualifications(customer, context), Outcomes::failureOf, f -> f);
    }

    @Override
    public CodesOutcome listValidationCodes(OperationContext context) {
        checkNotNull(context, "context");
        return run(context, () -> codes.listValidationCodes(context), Outcomes::failureOf, f -> f);
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        return run(context, () -> codes.listValidations(customer, context), Outcomes::failureOf, f -> f);
    }

    /** Names the decorated ports and the policy. */
    @Override
    public String toString() {
        return "ResilientPorts[" + qualifications + ", " + policy + "]";
    }

    /**
     * Runs {@code attempt} until it succeeds, fails finally, or the policy's bounds are reached. {@code failureOf}
     * says (by the family's fold) whether an outcome failed; {@code typed} is the identity on failures, typed for {@code O}.
     */
    private <O extends Outcome> O run(OperationContext context, Supplier<O> attempt,
            Function<O, Optional<Failure>> failureOf, Function<Failure, O> typed) {
        Instant start = clock.instant();
        int calls = 0;
        int sent = 0;
        boolean throttledBefore = false;
        Optional<Failure> last = Optional.empty();
        while (true) {
            try {
                gate.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return typed.apply(new Unavailable(Unavailable.Reason.TIMED_OUT,
                        ErrorDetail.withoutResponse("interrupted while waiting for a turn to send"), Optional.empty(),
                        sent, context));
            }
            if (last.isPresent() && Duration.between(start, clock.instant()).compareTo(policy.deadline()) > 0) {
                // The gate held this retry (another request's pause) past the deadline: no retry after it.
                return typed.apply(Outcomes.withRequests(last.get(), sent));
            }
            O outcome = attempt.get();
            calls++;
            Optional<Failure> failed = failureOf.apply(outcome);
            if (failed.isEmpty()) {
                return outcome;
            }
            Failure failure = failed.get();
            sent += Outcomes.requests(failure);
            Optional<Unavailable> retryable = Outcomes.transientFailure(failure);
            retryable.filter(u -> u.reason() == Unavailable.Reason.THROTTLED)
                    .flatMap(Unavailable::retryAfter).ifPresent(gate::throttled);
            if (retryable.isEmpty() || calls >= policy.maxAttempts() || Thread.currentThread().isInterrupted()) {
                return typed.apply(Outcomes.withRequests(failure, sent));
            }
            boolean throttled = retryable.get().reason() == Unavailable.Reason.THROTTLED;
            Duration wait = nextWait(retryable.get().retryAfter(), throttled && !throttledBefore, calls);
            throttledBefore |= throttled;
            // Compared as durations: no Instant arithmetic on a service-given wait, however long.
            Duration left = policy.deadline().minus(Duration.between(start, clock.instant()));
            if (wait.compareTo(left) > 0) {
                return typed.apply(Outcomes.withRequests(failure, sent));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return typed.apply(Outcomes.withRequests(failure, sent));
            }
            last = Optional.of(failure);
        }
    }

    /**
     * The first {@code 429} with a {@code Retry-After} waits exactly that; any other retry waits the jittered
     * exponential backoff, never less than the {@code Retry-After} the service sent.
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

    /** Builds a {@link ResilientPorts}; not thread-safe, use once. */
    public static final class Builder {
        private final QualificationPort qualifications;
        private final ValidationCodePort codes;
        private RetryPolicy policy = RetryPolicy.defaults();
        private RequestGate gate = RequestGate.open();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.real();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(QualificationPort qualifications, ValidationCodePort codes) {
            this.qualifications = qualifications;
            this.codes = codes;
        }

        /**
         * How transient failures are retried; default {@link RetryPolicy#defaults()}.
         *
         * @param policy the policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = checkNotNull(policy, "retryPolicy");
            return this;
        }

        /**
         * A gate shared with other ports or threads, passed before every attempt and told of every throttling;
         * default {@link RequestGate#open()}.
         *
         * @param gate the gate
         * @return this builder
         * @throws NullPointerException if {@code gate} is null
         */
        public Builder requestGate(RequestGate gate) {
            this.gate = checkNotNull(gate, "requestGate");
            return this;
        }

        /**
         * The clock the deadline is measured by; default system UTC.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = checkNotNull(clock, "clock");
            return this;
        }

        /**
         * How the decorator waits between attempts; default {@link Sleeper#real()}.
         *
         * @param sleeper the sleeper
         * @return this builder
         * @throws NullPointerException if {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = checkNotNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The source of backoff jitter, values in [0, 1] (others are clamped); default a thread-local random. Tests
         * pass a constant to make every wait known.
         *
         * @param jitter the jitter source
         * @return this builder
         * @throws NullPointerException if {@code jitter} is null
         */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = checkNotNull(jitter, "jitter");
            return this;
        }

        /**
         * Builds the decorator.
         *
         * @return the ports with this builder's resilience
         */
        public ResilientPorts build() {
            return new ResilientPorts(this);
        }
    }
}
