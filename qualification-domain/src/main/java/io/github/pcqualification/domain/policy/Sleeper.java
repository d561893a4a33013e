package io.github.pcqualification.domain.policy;

import java.time.Duration;

/**
 * Timing: how a retry loop, a shared throttle or the fake's scripted latency waits; injectable so tests
 * never sleep.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits {@code duration}; an interrupt ends the wait and the operation.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Waits for real, blocking the calling thread with {@link Thread#sleep(long, int)}.
     *
     * @return a sleeper that really sleeps
     */
    static Sleeper real() {
        // Saturated: Duration.toMillis() overflows past 292 million years.
        return duration -> Thread.sleep(duration.getSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
                : duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
}
