package io.github.pcqualification.adapter.rest;

import java.time.Duration;

/** Timing: how the adapter waits between attempts; injectable so tests never sleep. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code d}; an interrupt ends the wait and the operation. */
    void sleep(Duration d) throws InterruptedException;

    /** Waits for real, with {@link Thread#sleep(long)}. */
    static Sleeper real() {
        return d -> Thread.sleep(d.toMillis());
    }
}
