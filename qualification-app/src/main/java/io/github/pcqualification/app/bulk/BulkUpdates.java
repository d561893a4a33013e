package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.rules.RequestRules;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Qualifies many customers: rows from any source (a list, a stream, a database cursor), at most
 * {@link Builder#concurrency(int) concurrency} requests in flight, results to a callback <em>in input order</em>.
 *
 * <p>Memory stays flat however many rows: the source is read as rows can be taken, and results wait in a bounded
 * reorder window ({@link Builder#window(int)}) until the rows before them are delivered; only the duplicate index
 * grows (24 bytes a slot, at most half full: 48-96 bytes per distinct customer). A customer listed again ends
 * {@link BulkResult.Duplicate} and is sent once, for its first position. An {@code AuthenticationFailed} answer stops
 * the run sending: the rows after it end {@link BulkResult.NotSent}. With a {@link BulkJournal}, every finished row
 * is recorded as it finishes and a rerun skips the rows done for good ({@link BulkResult#isFinal()}).
 *
 * <p>Throttling and the rate cap are the use case's: give the same {@link SharedThrottle} to
 * {@code PartnerCenterQualifications.Builder.requestGate} and to {@link Builder#throttle}, and a {@code 429} on one
 * worker pauses them all, while the progress figures tell how long.
 *
 * <pre>{@code
 * SharedThrottle throttle = new SharedThrottle(20, System::nanoTime, Sleeper.real());   // at most 20 requests/s
 * try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
 *         .partnerCenter(baseUrl, tokens).requestGate(throttle).build();
 *         FileBulkJournal journal = FileBulkJournal.open(Path.of("onboarding.journal"))) {
 *     BulkSummary summary = BulkUpdates.over(pc).concurrency(16).throttle(throttle).journal(journal)
 *             .progress(p -> log.info("{} done, {} left", p.done(), p.left()), Duration.ofSeconds(5))
 *             .build()
 *             .run(requests, result -> store(result));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: a {@code BulkUpdates} may run several times, and from several threads at once (each
 * run has its own workers; share a journal between runs only if they cover different positions).
 */
public final class BulkUpdates {

    /** The longest wait for the workers once the run's thread was interrupted: their waits end at the interrupt. */
    private static final long INTERRUPT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The shortest pause between two checks while the run waits, whatever the progress interval. */
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final UpdateQualificationUseCase updates;
    private final int concurrency;
    private final int window;
    private final BulkJournal journal;
    private final Optional<SharedThrottle> throttle;
    private final Optional<BulkProgressListener> listener;
    private final long everyNanos;
    private final Optional<ApiMode> dryRun;
    private final LongSupplier nanoTime;

    private BulkUpdates(Builder b) {
        this.updates = b.updates;
        this.concurrency = b.concurrency;
        this.window = b.window == 0 ? Math.max(64, b.concurrency * 8) : b.window;
        checkArgument(window >= concurrency, "the window (%s) must hold at least the rows in flight (%s)", window,
                concurrency);
        this.journal = b.journal;
        this.throttle = b.throttle;
        this.listener = b.listener;
        this.everyNanos = b.every.toNanos();
        this.dryRun = b.dryRun;
        this.nanoTime = b.nanoTime;
    }

    /**
     * Starts building a bulk run that sends each row to {@code updates}: a {@code PartnerCenterQualifications}, or
     * any other implementation of the use case.
     *
     * @param updates what each row is sent to
     * @return a builder: concurrency 16, no journal, no progress listener
     * @throws NullPointerException if {@code updates} is null
     */
    public static Builder over(UpdateQualificationUseCase updates) {
        return new Builder(checkNotNull(updates, "updates"));
    }

    /**
     * Runs every request of a list (or any iterable), numbered 1, 2, 3... in its order; each result's key is its
     * request. The total is known when {@code requests} is a {@link Collection}.
     *
     * @param requests the rows, read once, one at a time; none may be null
     * @param onResult receives each row's result, in input order, on the calling thread
     * @return how the run ended
     * @throws InterruptedException if the calling thread is interrupted: the run stops sending, and its workers are
     *     interrupted
     * @throws RuntimeException what the source, the journal or {@code onResult} threw: the run stopped sending (the
     *     rows finished before a source failure are delivered first)
     */
    public BulkSummary run(Iterable<QualificationRequest> requests,
            Consumer<? super BulkResult<QualificationRequest>> onResult) throws InterruptedException {
        checkNotNull(requests, "requests");
        OptionalLong total = requests instanceof Collection<?> c ? OptionalLong.of(c.size()) : OptionalLong.empty();
        return runItems(numbered(requests.iterator()), total, onResult);
    }

    /**
     * Runs every request an iterator gives (a database cursor, say), numbered 1, 2, 3... in its order; each result's
     * key is its request. The total is unknown.
     *
     * @param requests the rows, read once, one at a time; none may be null
     * @param onResult receives each row's result, in input order, on the calling thread
     * @return how the run ended
     * @throws InterruptedException if the calling thread is interrupted
     * @throws RuntimeException what the source, the journal or {@code onResult} threw
     */
    public BulkSummary run(Iterator<QualificationRequest> requests,
            Consumer<? super BulkResult<QualificationRequest>> onResult) throws InterruptedException {
        return runItems(numbered(checkNotNull(requests, "requests")), OptionalLong.empty(), onResult);
    }

    /**
     * Runs every request of a stream, numbered 1, 2, 3... in its encounter order; each result's key is its request.
     * The total is known when the stream knows its exact size. The stream is not closed.
     *
     * @param requests the rows, consumed lazily; none may be null
     * @param onResult receives each row's result, in input order, on the calling thread
     * @return how the run ended
     * @throws InterruptedException if the calling thread is interrupted
     * @throws RuntimeException what the source, the journal or {@code onResult} threw
     */
    public BulkSummary run(Stream<QualificationRequest> requests,
            Consumer<? super BulkResult<QualificationRequest>> onResult) throws InterruptedException {
        Spliterator<QualificationRequest> rows = checkNotNull(requests, "requests").spliterator();
        long size = rows.getExactSizeIfKnown();
        return runItems(numbered(Spliterators.iterator(rows)), size >= 0 ? OptionalLong.of(size) : OptionalLong.empty(),
                onResult);
    }

    /**
     * Runs rows that carry the caller's own positions and keys, including rows the caller found invalid itself.
     *
     * @param items the rows, read once, one at a time, in increasing positions
     * @param total how many rows the source holds, if known (for progress)
     * @param onResult receives each row's result, in input order, on the calling thread
     * @param <K> the type of the caller's keys
     * @return how the run ended
     * @throws InterruptedException if the calling thread is interrupted
     * @throws IllegalArgumentException (thrown as a source failure) if a position is not greater than the one before
     * @throws RuntimeException what the source, the journal or {@code onResult} threw
     */
    public <K> BulkSummary runItems(Iterator<? extends BulkItem<K>> items, OptionalLong total,
            Consumer<? super BulkResult<K>> onResult) throws InterruptedException {
        checkNotNull(items, "items");
        checkNotNull(total, "total");
        checkNotNull(onResult, "onResult");
        return new Run<K>(total, onResult).run(items);
    }

    private static Iterator<BulkItem<QualificationRequest>> numbered(Iterator<QualificationRequest> requests) {
        return new Iterator<>() {
            private long position;

            @Override
            public boolean hasNext() {
                return requests.hasNext();
            }

            @Override
            public BulkItem<QualificationRequest> next() {
                QualificationRequest request = checkNotNull(requests.next(), "request %s is null", position + 1);
                return BulkItem.of(++position, request, request);
            }
        };
    }

    /** A row's place in the reorder window; its result is set once, by the thread that finished it. */
    private static final class Slot<K> {
        volatile BulkResult<K> result;
    }

    /** One run: its window, workers and counters. The window is the calling thread's alone. */
    private final class Run<K> {
        private final OptionalLong total;
        private final Consumer<? super BulkResult<K>> onResult;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<Slot<K>> pending = new ArrayDeque<>();
        /** Rows handed to a worker and not finished; guarded by {@code lock}. */
        private int inFlight;
        /** The first failure of the journal, the callback, the listener or a worker: the run stops sending. */
        private final AtomicReference<Throwable> fault = new AtomicReference<>();
        private final AtomicReference<AuthenticationFailed> stoppedBy = new AtomicReference<>();
        private final LongAdder done = new LongAdder();
        private final LongAdder finalErrors = new LongAdder();
        private final LongAdder transientErrors = new LongAdder();
        private final long started;
        private long resumed;
        private long delivered;
        private long lastReport;
        private ExecutorService workers;

        Run(OptionalLong total, Consumer<? super BulkResult<K>> onResult) {
            this.total = total;
            this.onResult = onResult;
            this.started = nanoTime.getAsLong();
            this.lastReport = started;
        }

        BulkSummary run(Iterator<? extends BulkItem<K>> items) throws InterruptedException {
            workers = Executors.newFixedThreadPool(concurrency,
                    new ThreadFactoryBuilder().setNameFormat("bulk-worker-%d").setDaemon(true).build());
            RuntimeException sourceFailure = null;
            try {
                sourceFailure = readAll(items);
                drain();
            } catch (InterruptedException e) {
                workers.shutdownNow();
                workers.awaitTermination(INTERRUPT_GRACE_NANOS, TimeUnit.NANOSECONDS);
                throw e;
            } finally {
                workers.shutdown();
            }
            Throwable f = fault.get();
            if (f instanceof Error e) {
                throw e;
            }
            if (f != null) {
                throw (RuntimeException) f;
            }
            if (sourceFailure != null) {
                throw sourceFailure;
            }
            report(true);
            if (fault.get() != null) {
                throw (RuntimeException) fault.get();
            }
            return new BulkSummary(delivered, resumed, finalErrors.sum(), transientErrors.sum(), elapsed(),
                    Optional.ofNullable(stoppedBy.get()));
        }

        /** Reads and dispatches rows until the source ends, fails (returned) or the run faults. */
        private RuntimeException readAll(Iterator<? extends BulkItem<K>> items) throws InterruptedException {
            CustomerIndex seen = new CustomerIndex();
            long lastPosition = 0;
            while (fault.get() == null) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("bulk run interrupted");
                }
                // The source is read only when the row can enter the window: at most a window of rows is held.
                awaitRoom(false);
                if (fault.get() != null) {
                    return null;
                }
                BulkItem<K> item;
                try {
                    if (!items.hasNext()) {
                        return null;
                    }
                    item = checkNotNull(items.next(), "the source gave a null row after position %s", lastPosition);
                    checkArgument(item.position() > lastPosition, "positions must increase: %s came after %s",
                            item.position(), lastPosition);
                } catch (RuntimeException e) {
                    return e;
                }
                lastPosition = item.position();
                long position = item.position();
                OptionalLong first = item.request().map(r -> seen.putIfAbsent(r.customer().value(), position))
                        .orElse(OptionalLong.empty());
                try {
                    if (journal.isDone(position)) {
                        resumed++;
                        continue;
                    }
                } catch (RuntimeException | Error e) {
                    fault.compareAndSet(null, e);
                    return null;
                }
                Optional<BulkResult<K>> now = immediate(item, first);
                if (now.isEmpty()) {
                    awaitRoom(true);
                    if (fault.get() != null) {
                        return null;
                    }
                }
                Slot<K> slot = new Slot<>();
                pending.addLast(slot);
                if (now.isPresent()) {
                    try {
                        finish(slot, now.get());
                    } catch (RuntimeException | Error e) {
                        fault.compareAndSet(null, e);
                    }
                } else {
                    lock.lock();
                    try {
                        inFlight++;
                    } finally {
                        lock.unlock();
                    }
                    workers.execute(() -> work(slot, item));
                }
            }
            return null;
        }

        /** The result of a row that needs no request, if it is one. */
        private Optional<BulkResult<K>> immediate(BulkItem<K> item, OptionalLong first) {
            long position = item.position();
            K key = item.key();
            if (item.problem().isPresent()) {
                return Optional.of(new BulkResult.Invalid<>(position, key, item.problem().get()));
            }
            QualificationRequest request = item.request().orElseThrow();
            if (first.isPresent()) {
                return Optional.of(new BulkResult.Duplicate<>(position, key, request, first.getAsLong()));
            }
            if (dryRun.isPresent()) {
                List<RuleViolation> violations = RequestRules.check(request, dryRun.get());
                return Optional.of(violations.isEmpty() ? new BulkResult.WouldSend<>(position, key, request)
                        : new BulkResult.Invalid<>(position, key,
                                violations.stream().map(RuleViolation::message).collect(Collectors.joining("; "))));
            }
            AuthenticationFailed stop = stoppedBy.get();
            if (stop != null) {
                return Optional.of(new BulkResult.NotSent<>(position, key, request, stop));
            }
            return Optional.empty();
        }

        /** On a worker: sends the row and records it, unless the run has stopped. */
        private void work(Slot<K> slot, BulkItem<K> item) {
            try {
                if (fault.get() == null) {
                    finish(slot, send(item));
                }
            } catch (RuntimeException | Error e) {
                fault.compareAndSet(null, e);
            } finally {
                lock.lock();
                try {
                    inFlight--;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        private BulkResult<K> send(BulkItem<K> item) {
            QualificationRequest request = item.request().orElseThrow();
            AuthenticationFailed stop = stoppedBy.get();
            if (stop != null) {
                return new BulkResult.NotSent<>(item.position(), item.key(), request, stop);
            }
            UpdateOutcome outcome;
            try {
                outcome = updates.update(request);
            } catch (RuntimeException e) {
                return new BulkResult.Crashed<>(item.position(), item.key(), request, e);
            }
            authenticationFailure(outcome).ifPresent(failed -> stoppedBy.compareAndSet(null, failed));
            return new BulkResult.Sent<>(item.position(), item.key(), request, outcome);
        }

        /** The failure that stops the run: every later request would fail the same way. */
        private Optional<AuthenticationFailed> authenticationFailure(UpdateOutcome outcome) {
            Optional<AuthenticationFailed> none = Optional.empty();
            return outcome.foldUpdate(updated -> none, unchanged -> none, failure -> failure.foldFailure(
                    invalid -> none, rejected -> none, notFound -> none, unavailable -> none, Optional::of));
        }

        /** Records the row (a failure propagates: the row is not counted nor delivered), then lets it be delivered. */
        private void finish(Slot<K> slot, BulkResult<K> result) {
            journal.record(result);
            if (result.isError()) {
                (result.isFinal() ? finalErrors : transientErrors).increment();
            }
            done.increment();
            lock.lock();
            try {
                slot.result = result;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until a row may enter the window (and a worker is free, if it needs one), delivering meanwhile. */
        private void awaitRoom(boolean needsWorker) throws InterruptedException {
            while (true) {
                deliverReady();
                boolean timedOut;
                lock.lock();
                try {
                    if (fault.get() != null) {
                        return;
                    }
                    if (pending.size() < window && (!needsWorker || inFlight < concurrency)) {
                        return;
                    }
                    if (headReady()) {
                        continue;
                    }
                    timedOut = changed.awaitNanos(tick()) <= 0;
                } finally {
                    lock.unlock();
                }
                report(timedOut);
            }
        }

        /** Waits for the rows in flight, delivering them in order. */
        private void drain() throws InterruptedException {
            while (true) {
                deliverReady();
                boolean timedOut;
                lock.lock();
                try {
                    if (inFlight == 0) {
                        break;
                    }
                    if (headReady() && fault.get() == null) {
                        continue;
                    }
                    timedOut = changed.awaitNanos(tick()) <= 0;
                } finally {
                    lock.unlock();
                }
                report(timedOut);
            }
            deliverReady();
        }

        private boolean headReady() {
            Slot<K> head = pending.peekFirst();
            return head != null && head.result != null;
        }

        private long tick() {
            return Math.max(MIN_TICK_NANOS, everyNanos);
        }

        /** Hands the finished rows at the head of the window to the callback, in order. */
        private void deliverReady() {
            while (fault.get() == null && headReady()) {
                BulkResult<K> result = pending.pollFirst().result;
                try {
                    onResult.accept(result);
                } catch (RuntimeException | Error e) {
                    fault.compareAndSet(null, e);
                    return;
                }
                delivered++;
                report(false);
            }
        }

        /** Tells the listener, if the interval has passed on the run's clock (or {@code force}). */
        private void report(boolean force) {
            if (listener.isEmpty() || fault.get() != null) {
                return;
            }
            long now = nanoTime.getAsLong();
            if (!force && now - lastReport < everyNanos) {
                return;
            }
            lastReport = now;
            try {
                listener.get().onProgress(new BulkProgress(done.sum(), resumed, total, elapsed(), finalErrors.sum(),
                        transientErrors.sum(), throttle.map(SharedThrottle::pausedTime).orElse(Duration.ZERO),
                        throttle.map(SharedThrottle::pauseLeft).orElse(Duration.ZERO)));
            } catch (RuntimeException | Error e) {
                fault.compareAndSet(null, e);
            }
        }

        private Duration elapsed() {
            return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - started));
        }
    }

    /** Chooses how a bulk run sends, records and reports. Not thread-safe; {@link #build()} copies it. */
    public static final class Builder {
        private final UpdateQualificationUseCase updates;
        private int concurrency = 16;
        private int window;
        private BulkJournal journal = BulkJournal.none();
        private Optional<SharedThrottle> throttle = Optional.empty();
        private Optional<BulkProgressListener> listener = Optional.empty();
        private Duration every = Duration.ofSeconds(1);
        private Optional<ApiMode> dryRun = Optional.empty();
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(UpdateQualificationUseCase updates) {
            this.updates = updates;
        }

        /**
         * How many rows are sent at once, each on its own worker thread; default 16.
         *
         * @param concurrency 1 to 1024
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder concurrency(int concurrency) {
            checkArgument(concurrency >= 1 && concurrency <= 1024, "concurrency must be between 1 and 1024, got %s",
                    concurrency);
            this.concurrency = concurrency;
            return this;
        }

        /**
         * How many rows may be between the oldest not yet delivered and the newest taken from the source: results
         * that finish early wait there for the rows before them. A slow row holds the source back once the window is
         * full. Default: 8 times the concurrency, at least 64.
         *
         * @param rows at least the concurrency (checked by {@link #build()}), at most 1,048,576
         * @return this builder
         * @throws IllegalArgumentException if below 1 or above the maximum
         */
        public Builder window(int rows) {
            checkArgument(rows >= 1 && rows <= (1 << 20), "the window must be 1 to 1048576 rows, got %s", rows);
            this.window = rows;
            return this;
        }

        /**
         * Records every finished row and skips those an earlier run finished for good; default
         * {@link BulkJournal#none()}.
         *
         * @param journal the journal, such as a {@link FileBulkJournal}
         * @return this builder
         * @throws NullPointerException if {@code journal} is null
         */
        public Builder journal(BulkJournal journal) {
            this.journal = checkNotNull(journal, "journal");
            return this;
        }

        /**
         * The throttle the use case's requests pass (the one given to the client's {@code requestGate}), read for the
         * progress figures {@link BulkProgress#throttled()} and {@link BulkProgress#retryAfterLeft()}; without it they
         * are zero. The run itself sends through the use case, so the throttle applies either way.
         *
         * @param throttle the shared throttle
         * @return this builder
         * @throws NullPointerException if {@code throttle} is null
         */
        public Builder throttle(SharedThrottle throttle) {
            this.throttle = Optional.of(checkNotNull(throttle, "throttle"));
            return this;
        }

        /**
         * Tells {@code listener} how the run goes, at most once per {@code every} on the run's clock when rows finish,
         * every {@code every} while the run waits, and once at the end.
         *
         * @param listener the listener
         * @param every the interval; zero to hear of every row
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code every} is negative or longer than a day
         */
        public Builder progress(BulkProgressListener listener, Duration every) {
            checkNotNull(every, "every");
            checkArgument(!every.isNegative() && every.compareTo(Duration.ofDays(1)) <= 0,
                    "the progress interval must be 0 to 1 day, got %s", every);
            this.listener = Optional.of(checkNotNull(listener, "listener"));
            this.every = every;
            return this;
        }

        /**
         * Sends nothing: each valid row ends {@link BulkResult.WouldSend}, or {@link BulkResult.Invalid} when it
         * breaks a rule of {@code mode}'s API (as the service would refuse it). Duplicates are still found.
         *
         * @param mode the API the rows would be sent through
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder dryRun(ApiMode mode) {
            this.dryRun = Optional.of(checkNotNull(mode, "mode"));
            return this;
        }

        /**
         * The monotonic clock of the elapsed time, the rate and the progress interval; default
         * {@code System::nanoTime}. Tests pass the virtual clock their sleeper advances.
         *
         * @param nanoTime nanoseconds, only differences matter
         * @return this builder
         * @throws NullPointerException if {@code nanoTime} is null
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = checkNotNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Builds the runner.
         *
         * @return an immutable runner
         * @throws IllegalArgumentException if the window is smaller than the concurrency
         */
        public BulkUpdates build() {
            return new BulkUpdates(this);
        }
    }
}
