package io.github.pcqualification.adapter.fake.server;

import io.github.pcqualification.domain.policy.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: a scripted latency that holds the answering thread until the test opens the gate, so a test can keep
 * an exchange in flight for exactly as long as it needs, without sleeping. Each wait is bounded by {@code bound}
 * (then it returns as if the latency had passed), and an interrupt ends it as the real sleeper's would. Thread-safe.
 */
final class GatedSleeper implements Sleeper {

    private final Duration bound;
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    GatedSleeper(Duration bound) {
        this.bound = bound;
    }

    @Override
    public void sleep(Duration ignored) throws InterruptedException {
        threads.add(Thread.currentThread());
        entered.incrementAndGet();
        try {
            open.await(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
        }
    }

    /** Lets every held and later thread through. */
    void open() {
        open.countDown();
    }

    /** How many waits have started. */
    int entered() {
        return entered.get();
    }

    /** How many waits an interrupt ended. */
    int interrupted() {
        return interrupted.get();
    }

    /** The threads that waited, in order. */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** Waits until {@code count} waits have started; fails past {@code timeout}. */
    void awaitEntered(int count, Duration timeout) {
        Polling.await(() -> entered.get() >= count, timeout, count + " scripted latencies to start");
    }
}
