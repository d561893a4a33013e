package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of a running bulk job, for a progress display.
 *
 * @param done the rows finished in this run, of every kind
 * @param resumed the rows skipped because the journal showed them done before
 * @param total the rows of the source, when known (a collection's size, a sized stream, or what the caller said)
 * @param elapsed the time since the run started, on the run's clock
 * @param finalErrors rows that ended in an error a rerun would repeat: invalid, refused by the service
 * @param transientErrors rows that ended without an answer, which a rerun sends again: unavailable after the retries,
 *     authentication failed, not sent, crashed
 * @param throttled the time workers were held by {@code Retry-After} pauses, summed over workers
 *     ({@link io.github.pcqualification.app.SharedThrottle#pausedTime()}); zero without a throttle
 * @param retryAfterLeft how long the run still waits for a {@code Retry-After}
 *     ({@link io.github.pcqualification.app.SharedThrottle#pauseLeft()}); zero when it is not waiting
 */
public record BulkProgress(long done, long resumed, OptionalLong total, Duration elapsed, long finalErrors,
        long transientErrors, Duration throttled, Duration retryAfterLeft) {

    /**
     * Checks the figures.
     *
     * @param done not negative
     * @param resumed not negative
     * @param total the total, or empty
     * @param elapsed not negative
     * @param finalErrors not negative
     * @param transientErrors not negative
     * @param throttled not negative
     * @param retryAfterLeft not negative
     */
    public BulkProgress {
        checkArgument(done >= 0 && resumed >= 0 && finalErrors >= 0 && transientErrors >= 0,
                "counts are not negative");
        checkNotNull(total, "total");
        checkArgument(!checkNotNull(elapsed, "elapsed").isNegative(), "elapsed is not negative");
        checkArgument(!checkNotNull(throttled, "throttled").isNegative(), "throttled is not negative");
        checkArgument(!checkNotNull(retryAfterLeft, "retryAfterLeft").isNegative(), "retryAfterLeft is not negative");
    }

    /**
     * Rows finished per second in this run.
     *
     * @return {@code done / elapsed}, 0 before any time has passed
     */
    public double rate() {
        long nanos = elapsed.toNanos();
        return nanos > 0 ? done * 1e9 / nanos : 0;
    }

    /**
     * The rows left, when the total is known.
     *
     * @return {@code total - resumed - done} (never below 0), or empty
     */
    public OptionalLong left() {
        return total.isPresent() ? OptionalLong.of(Math.max(0, total.getAsLong() - resumed - done)) : OptionalLong.empty();
    }

    /**
     * The share of the rows done, counting those done before.
     *
     * @return 0 to 1, or empty when the total is unknown; 1 for an empty source
     */
    public Optional<Double> fractionDone() {
        if (total.isEmpty()) {
            return Optional.empty();
        }
        long all = total.getAsLong();
        return Optional.of(all == 0 ? 1.0 : Math.min(1.0, (double) (done + resumed) / all));
    }

    /**
     * The time still needed at the rate so far.
     *
     * @return the rows left divided by the rate; empty when the total is unknown or nothing finished yet
     */
    public Optional<Duration> eta() {
        double rate = rate();
        OptionalLong left = left();
        if (left.isEmpty() || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(left.getAsLong() * 1000 / rate)));
    }

    /**
     * Whether the run is held by a {@code Retry-After} now.
     *
     * @return true while {@link #retryAfterLeft()} is more than zero
     */
    public boolean waitingForRetryAfter() {
        return !retryAfterLeft.isZero();
    }
}
