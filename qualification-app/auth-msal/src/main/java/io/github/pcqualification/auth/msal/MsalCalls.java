package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How MSAL is called here: on a pool of our own daemon threads (not the common fork-join pool, which has one thread
 * on a two-core machine, so one hung exchange would stall every other), and never waited for longer than the bound
 * the source was given.
 */
final class MsalCalls {

    /** Idle threads end after a minute; the pool never keeps the JVM alive. */
    static final ExecutorService EXECUTOR = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new DaemonThreads());

    private MsalCalls() {}

    /** What a bounded wait gave: the value, or how it failed. Branch on it with {@link #fold}. */
    sealed interface Awaited<T> {

        /** Applies the function for this variant, and only that one; null functions are refused. */
        <R> R fold(Function<? super Done<T>, ? extends R> done, Function<? super Failed<T>, ? extends R> failed,
                Supplier<? extends R> timedOut, Supplier<? extends R> interrupted);

        record Done<T>(T value) implements Awaited<T> {
            @Override
            public <R> R fold(Function<? super Done<T>, ? extends R> done, Function<? super Failed<T>, ? extends R> failed,
                    Supplier<? extends R> timedOut, Supplier<? extends R> interrupted) {
                checkFunctions(done, failed, timedOut, interrupted);
                return done.apply(this);
            }

            @Override
            public String toString() {
                return "Done[<redacted>]";     // an authentication result holds tokens
            }
        }

        record Failed<T>(Throwable failure) implements Awaited<T> {
            @Override
            public <R> R fold(Function<? super Done<T>, ? extends R> done, Function<? super Failed<T>, ? extends R> failed,
                    Supplier<? extends R> timedOut, Supplier<? extends R> interrupted) {
                checkFunctions(done, failed, timedOut, interrupted);
                return failed.apply(this);
            }
        }

        record TimedOut<T>() implements Awaited<T> {
            @Override
            public <R> R fold(Function<? super Done<T>, ? extends R> done, Function<? super Failed<T>, ? extends R> failed,
                    Supplier<? extends R> timedOut, Supplier<? extends R> interrupted) {
                checkFunctions(done, failed, timedOut, interrupted);
                return timedOut.get();
            }
        }

        record Interrupted<T>() implements Awaited<T> {
            @Override
            public <R> R fold(Function<? super Done<T>, ? extends R> done, Function<? super Failed<T>, ? extends R> failed,
                    Supplier<? extends R> timedOut, Supplier<? extends R> interrupted) {
                checkFunctions(done, failed, timedOut, interrupted);
                return interrupted.get();
            }
        }

        private static void checkFunctions(Object done, Object failed, Object timedOut, Object interrupted) {
            checkNotNull(done, "done");
            checkNotNull(failed, "failed");
            checkNotNull(timedOut, "timedOut");
            checkNotNull(interrupted, "interrupted");
        }
    }

    /**
     * Waits for {@code future} at most {@code timeout}; on timeout or interrupt the future is cancelled (MSAL's
     * device-code loop checks for that and stops).
     */
    static <T> Awaited<T> await(CompletableFuture<T> future, Duration timeout) {
        try {
            return new Awaited.Done<>(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return new Awaited.Failed<>(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Awaited.TimedOut<>();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Awaited.Interrupted<>();
        } catch (RuntimeException e) {
            return new Awaited.Failed<>(e);
        }
    }

    /**
     * How long the token MSAL returned lives, measured from {@code askedAt} on the wall clock MSAL itself uses (it
     * adds {@code expires_in} to {@link System#currentTimeMillis()} cut to whole seconds, so one second is taken
     * off to stay on the safe side); a source adds it to its own clock.
     */
    static Duration lifetime(IAuthenticationResult result, Instant askedAt) {
        if (result.expiresOnDate() == null) {
            return Duration.ZERO;
        }
        Duration lifetime = Duration.between(askedAt, result.expiresOnDate().toInstant()).minusSeconds(1);
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    /** MSAL's HTTP client takes its timeouts in milliseconds. */
    static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "pc-qualification-msal-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
