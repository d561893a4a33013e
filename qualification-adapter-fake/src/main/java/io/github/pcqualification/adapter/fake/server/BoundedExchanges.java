package io.github.pcqualification.adapter.fake.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one {@link FakePartnerCenterServer}, with a deadline on every socket read and write, per server
 * (the JDK server's own limits are JVM-wide system properties, read once per JVM).
 *
 * <p>The JDK server reads a request's line, headers and body with blocking reads on the executor's thread, and
 * writes the answer there too: with one fixed pool for everything, as many slow or stalled clients as threads
 * froze the server. Here connections are read and written on their own threads (at most
 * {@code maxConnections}; past that the JDK server closes a new connection at once), each read or write phase
 * has a deadline after which a watchdog interrupts the thread, which closes the connection (the server's
 * channels are interruptible), and only the work of answering takes one of the {@code handlers} permits.
 */
final class BoundedExchanges implements Executor {

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final ThreadLocal<Watched> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor connections;
    private final ScheduledExecutorService watchdog;
    private final Semaphore handlers;
    private final long ioTimeoutNanos;
    private final Set<Watched> running = ConcurrentHashMap.newKeySet();

    BoundedExchanges(int handlers, int maxConnections, Duration ioTimeout) {
        int server = SERVERS.incrementAndGet();
        this.handlers = new Semaphore(handlers);
        this.ioTimeoutNanos = ioTimeout.toNanos();
        this.connections = new ThreadPoolExecutor(0, maxConnections, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("fake-partner-center-" + server + "-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("fake-partner-center-" + server + "-watchdog-"));
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(ioTimeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Runs one exchange of the JDK server (reading its request starts at once, so its deadline does too). */
    @Override
    public void execute(Runnable exchange) {
        connections.execute(() -> {
            Watched watched = new Watched(Thread.currentThread());
            CURRENT.set(watched);
            running.add(watched);
            try {
                watched.watch();
                exchange.run();
            } finally {
                running.remove(watched);
                CURRENT.remove();
                watched.finish();
                Thread.interrupted(); // a watchdog interrupt must not reach the next exchange on this thread
            }
        });
    }

    /**
     * Leaves the I/O phase to compute an answer on one of the handler permits, then starts the write phase with a
     * fresh deadline.
     *
     * @throws InterruptedIOException if the read deadline already passed (the connection is closed) or on close
     */
    <T> T answer(IoSupplier<T> work) throws IOException {
        Watched watched = CURRENT.get();
        if (watched != null && !watched.unwatch()) {
            throw new InterruptedIOException("the request was not read within " + Duration.ofNanos(ioTimeoutNanos));
        }
        try {
            handlers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopping");
        }
        try {
            return work.get();
        } finally {
            handlers.release();
            if (watched != null) {
                watched.watch();
            }
        }
    }

    /** True when the current exchange's thread was interrupted by the watchdog (its connection is closed). */
    boolean timedOut() {
        Watched watched = CURRENT.get();
        return watched != null && watched.timedOut();
    }

    void shutdownNow() {
        watchdog.shutdownNow();
        connections.shutdownNow();
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return connections.awaitTermination(timeout, unit);
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Watched watched : running) {
            watched.interruptIfOverdue(now);
        }
    }

    /** Work that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** One exchange's thread and its I/O deadline; the interrupt and the end of the exchange exclude each other. */
    private final class Watched {
        private final Thread thread;
        private boolean watching;
        private long deadline;
        private boolean timedOut;
        private boolean finished;

        Watched(Thread thread) {
            this.thread = thread;
        }

        synchronized void watch() {
            watching = true;
            deadline = System.nanoTime() + ioTimeoutNanos;
        }

        synchronized boolean unwatch() {
            watching = false;
            return !timedOut;
        }

        synchronized boolean timedOut() {
            return timedOut;
        }

        synchronized void finish() {
            finished = true;
        }

        synchronized void interruptIfOverdue(long now) {
            if (watching && !finished && !timedOut && now - deadline >= 0) {
                timedOut = true;
                thread.interrupt();
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
