package io.github.pcqualification.adapter.fake.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Test support: waits for a condition another thread brings about, re-checking every millisecond, up to a bound. */
final class Polling {

    private Polling() {}

    /**
     * Returns once {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} if it does not hold within {@code timeout}
     */
    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Returns once {@code thread} is in {@code state} or has ended, whichever comes first; fails past {@code timeout}. */
    static Thread.State awaitStateOrEnd(Thread thread, Thread.State state, Duration timeout) {
        await(() -> thread.getState() == state || thread.getState() == Thread.State.TERMINATED, timeout,
                thread.getName() + " to be " + state);
        return thread.getState();
    }
}
