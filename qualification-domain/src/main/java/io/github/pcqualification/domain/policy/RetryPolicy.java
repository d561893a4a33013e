package io.github.pcqualification.domain.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * Configuration: how often and how long {@link ResilientPorts} retries a failure the port classified as
 * {@linkplain io.github.pcqualification.domain.outcome.Unavailable#isTransient() transient} (over REST: 408, 429,
 * 500, 502, 503, 504, connection failures and timeouts) of one operation.
 *
 * <p>{@code maxAttempts} bounds the attempts of one operation (the REST adapter's single repeat with a
 * renewed token after a {@code 401} is part of its attempt); {@code deadline} bounds the time, measured from the first
 * request: a wait that would end after it is not started. The wait after the n-th transient failure is
 * an exponential backoff, {@code initialBackoff * 2^(n-1)} capped at {@code maxBackoff}, with jitter
 * (between half and all of it), and never shorter than the service's {@code Retry-After}; the first
 * {@code 429} waits exactly its {@code Retry-After}.
 *
 * @param maxAttempts the most requests sent for one operation, 1 to {@link #MAX_ATTEMPTS_LIMIT}
 * @param deadline the longest time one operation may take, from its first request
 * @param initialBackoff the wait after the first transient failure, before jitter
 * @param maxBackoff the longest wait between two attempts, before jitter
 */
public record RetryPolicy(int maxAttempts, Duration deadline, Duration initialBackoff, Duration maxBackoff) {

    /** An upper bound on {@code maxAttempts}, so a typo cannot make a bulk job hammer the service. */
    public static final int MAX_ATTEMPTS_LIMIT = 100;

    /**
     * Checks the policy.
     *
     * @param maxAttempts the most requests sent for one operation
     * @param deadline the longest time one operation may take; positive
     * @param initialBackoff the first wait; positive
     * @param maxBackoff the longest wait; not shorter than {@code initialBackoff}
     * @throws NullPointerException if a duration is null
     * @throws IllegalArgumentException if {@code maxAttempts} is outside 1 to {@link #MAX_ATTEMPTS_LIMIT} or a
     *     duration is out of range
     */
    public RetryPolicy {
        checkArgument(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS_LIMIT,
                "maxAttempts must be between 1 and %s, got %s", MAX_ATTEMPTS_LIMIT, maxAttempts);
        checkNotNull(deadline, "deadline");
        checkNotNull(initialBackoff, "initialBackoff");
        checkNotNull(maxBackoff, "maxBackoff");
        checkArgument(!deadline.isNegative() && !deadline.isZero(), "deadline must be positive, got %s", deadline);
        checkArgument(!initialBackoff.isNegative() && !initialBackoff.isZero(),
                "initialBackoff must be positive, got %s", initialBackoff);
        checkArgument(maxBackoff.compareTo(initialBackoff) >= 0,
                "maxBackoff (%s) must not be shorter than initialBackoff (%s)", maxBackoff, initialBackoff);
    }

    /**
     * The default policy.
     *
     * @return 5 attempts within 2 minutes, backing off from 1 s up to 30 s
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /**
     * No retries.
     *
     * @return a policy of one attempt: every failure is final (a {@code 401} still gets its one
     *     refreshed-token retry)
     */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /**
     * The backoff before retry number {@code retry} (1 for the first retry), before jitter:
     * {@code initialBackoff * 2^(retry-1)}, at most {@code maxBackoff}.
     *
     * @param retry the retry's number, from 1
     * @return the wait before jitter
     * @throws IllegalArgumentException if {@code retry} is less than 1
     */
    public Duration backoff(int retry) {
        checkArgument(retry >= 1, "retry must be at least 1, got %s", retry);
        Duration d = initialBackoff;
        for (int i = 1; i < retry && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
