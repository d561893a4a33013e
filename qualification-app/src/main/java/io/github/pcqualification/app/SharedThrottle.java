package io.github.pcqualification.app;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.policy.Sleeper;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One throttle for a whole job (such as a bulk run), shared by all its workers: a client-side rate cap (requests per
 * second, evenly spaced) and a job-wide pause. When any request is throttled ({@code 429} with
 * {@code Retry-After}), every worker waits out the pause before its next request, instead of the
 * other workers carrying on into more 429s. A {@code Retry-After} longer than the longest pause (the retry
 * policy's deadline: no request could be retried after it anyway) pauses nobody: the requests that meet it
 * end {@code Unavailable(THROTTLED)} at once, carrying it, as a single update does. Thread-safe.
 */
public final class SharedThrottle implements RequestGate {

    private final long intervalNanos;
    private final long maxPauseNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot;
    private long pausedUntil;
    private boolean paused;
    private long pauses;
    /** The time workers spent held by a pause (not by the rate cap), summed over workers. */
    private long pausedNanos;

    /**
     * A throttle with a rate cap.
     *
     * @param ratePerSecond the cap, or 0 for none
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     * @param sleeper how to wait (injected so tests never sleep)
     */
    public SharedThrottle(double ratePerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this(ratePerSecond, RetryPolicy.defaults().deadline(), nanoTime, sleeper);
    }

    /**
     * A throttle with a rate cap and a longest pause.
     *
     * @param ratePerSecond the cap, or 0 for none
     * @param maxPause the longest job-wide pause, normally the retry policy's deadline; a longer
     *     {@code Retry-After} pauses nobody
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     * @param sleeper how to wait (injected so tests never sleep)
     */
    public SharedThrottle(double ratePerSecond, Duration maxPause, LongSupplier nanoTime, Sleeper sleeper) {
        checkNotNull(maxPause, "maxPause");
        checkArgument(!maxPause.isNegative() && maxPause.compareTo(Duration.ofDays(365)) <= 0,
                "maxPause must be 0 to 365 days, got %s", maxPause);
        this.maxPauseNanos = maxPause.toNanos();
        checkArgument(ratePerSecond >= 0 && Double.isFinite(ratePerSecond), "rate must be 0 (none) or positive, got %s",
                ratePerSecond);
        this.intervalNanos = ratePerSecond == 0 ? 0 : (long) Math.ceil(1_000_000_000d / ratePerSecond);
        this.nanoTime = checkNotNull(nanoTime, "nanoTime");
        this.sleeper = checkNotNull(sleeper, "sleeper");
        this.nextSlot = nanoTime.getAsLong();
    }

    /**
     * A throttle with no cap that pauses only when throttled, on the system's monotonic clock.
     *
     * @return a new throttle
     */
    public static SharedThrottle unlimited() {
        return new SharedThrottle(0, System::nanoTime, Sleeper.real());
    }

    /** Waits until this worker may send its next request. */
    @Override
    public void awaitTurn() throws InterruptedException {
        long wakeAt;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            wakeAt = paused ? Math.max(now, pausedUntil) : now;
            // the part of this wait the pause causes; the rest, if any, is the rate cap's
            pausedNanos += wakeAt - now;
            if (intervalNanos > 0) {
                wakeAt = Math.max(wakeAt, nextSlot);
                nextSlot = wakeAt + intervalNanos;
            }
        }
        waitUntil(wakeAt);
        // A pause that began while this worker waited for its slot holds it too.
        while (true) {
            long until;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                if (!paused || pausedUntil <= now) {
                    return;
                }
                until = pausedUntil;
                pausedNanos += until - now;
            }
            waitUntil(until);
        }
    }

    /**
     * What is left of the pause under way: how long a worker asking for its turn now would be held by throttling (the
     * rate cap aside). For progress displays and observations.
     *
     * @return the time left, {@link Duration#ZERO} when nobody is paused
     */
    public synchronized Duration pauseLeft() {
        long left = paused ? pausedUntil - nanoTime.getAsLong() : 0;
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * The time workers have been held by pauses so far, summed over workers (two workers paused for 10 s count
     * 20 s); waits for the rate cap are not counted.
     *
     * @return the total, {@link Duration#ZERO} if nobody was ever paused
     */
    public synchronized Duration pausedTime() {
        return Duration.ofNanos(pausedNanos);
    }

    /**
     * Pauses the whole job for {@code retryAfter} (extending, never shortening, a pause under way), unless it is
     * longer than the longest pause: then nobody is paused (it is still counted).
     */
    @Override
    public void throttled(Duration retryAfter) {
        checkNotNull(retryAfter, "retryAfter");
        synchronized (this) {
            pauses++;
            if (retryAfter.isNegative() || retryAfter.compareTo(Duration.ofNanos(maxPauseNanos)) > 0) {
                return;
            }
            long until = nanoTime.getAsLong() + retryAfter.toNanos();
            if (!paused || until > pausedUntil) {
                pausedUntil = until;
            }
            paused = true;
        }
    }

    /**
     * How many times a worker reported throttling.
     *
     * @return the number of {@link #throttled(Duration)} calls so far
     */
    public synchronized long pauses() {
        return pauses;
    }

    private void waitUntil(long deadline) throws InterruptedException {
        long wait = deadline - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
