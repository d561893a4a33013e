package io.github.pcqualification.adapter.fake;

import java.time.Duration;

/**
 * Fake support: how the fake waits out a scripted {@link Fault.Latency}. Tests pass one that records instead of
 * sleeping; {@link #real()} really sleeps.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper that blocks the calling thread ({@link Thread#sleep(long, int)}). */
    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
}
