package io.github.pcqualification.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.testing.Variants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bulk engine's threads, on use cases that hold rows until the test lets them go: order, the bounds on rows in
 * flight and rows held, interruption, and the wait for a {@code Retry-After}. No test sleeps; latches and barriers
 * order the threads, each wait bounded.
 */
@Timeout(30)
class BulkUpdatesConcurrencyTest {

    private static final UpdateOutcome UPDATED = Variants.updated();

    private static QualificationRequest request(int i) {
        return QualificationRequest.education(CustomerId.parse(new UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | i).toString()));
    }

    private static List<QualificationRequest> requests(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(BulkUpdatesConcurrencyTest::request).toList();
    }

    private static int indexOf(QualificationRequest r) {
        return (int) (r.customer().value().getLeastSignificantBits() & 0xFFFF);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test's latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Test
    void resultsAreDeliveredInInputOrder_whenLaterRowsFinishFirst() throws Exception {
        CountDownLatch othersFinished = new CountDownLatch(3);
        List<Long> recorded = new CopyOnWriteArrayList<>();
        BulkJournal journal = new BulkJournal() {
            @Override
            public boolean isDone(long position) {
                return false;
            }

            @Override
            public void record(BulkResult<?> result) {
                recorded.add(result.position());
                if (result.position() > 1) {
                    othersFinished.countDown();
                }
            }
        };
        UpdateQualificationUseCase firstWaitsForTheOthers = r -> {
            if (indexOf(r) == 1) {
                await(othersFinished);
            }
            return UPDATED;
        };
        List<Long> delivered = new ArrayList<>();

        BulkUpdates.over(firstWaitsForTheOthers).concurrency(4).journal(journal).build()
                .run(requests(4), r -> delivered.add(r.position()));

        assertThat(recorded).hasSize(4).endsWith(1L);
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void noMoreRowsAreInFlightThanTheConcurrency_andThatManyAre() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier threeAtOnce = new CyclicBarrier(3);
        UpdateQualificationUseCase counting = r -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // Rows pass in threes: a fourth row in flight would be held for the next three, and counted.
                threeAtOnce.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("rows did not come in threes", e);
            } finally {
                inFlight.decrementAndGet();
            }
            return UPDATED;
        };
        List<BulkResult<QualificationRequest>> results = new CopyOnWriteArrayList<>();

        BulkSummary summary = BulkUpdates.over(counting).concurrency(3).build().run(requests(30), results::add);

        assertThat(most).hasValue(3);
        assertThat(summary.done()).isEqualTo(30);
        assertThat(results).allMatch(r -> r instanceof BulkResult.Sent<?>);
    }

    @Test
    void aSlowRow_holdsTheSource_onceTheWindowIsFull() throws Exception {
        CountDownLatch windowFull = new CountDownLatch(1);
        CountDownLatch readTooFar = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readsWhileFirstWasInFlight = new AtomicInteger();
        Iterator<BulkItem<Integer>> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reads.get() < 20;
            }

            @Override
            public BulkItem<Integer> next() {
                int n = reads.incrementAndGet();
                if (n == 4) {
                    windowFull.countDown();
                }
                if (n == 5) {
                    readTooFar.countDown();
                }
                // Row 1 is sent; the others are rows the caller found invalid, which need no worker.
                return n == 1 ? BulkItem.of(n, n, request(n)) : BulkItem.invalid(n, n, "invalid");
            }
        };
        UpdateQualificationUseCase slowFirst = r -> {
            await(windowFull);
            try {
                // A fifth read now would be a row beyond the window of four while row 1 is still in flight.
                if (readTooFar.await(50, TimeUnit.MILLISECONDS)) {
                    readsWhileFirstWasInFlight.set(reads.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readsWhileFirstWasInFlight.compareAndSet(0, reads.get());
            return UPDATED;
        };
        List<Long> delivered = new ArrayList<>();

        BulkUpdates.over(slowFirst).concurrency(1).window(4).build()
                .runItems(source, java.util.OptionalLong.of(20), r -> delivered.add(r.position()));

        assertThat(readsWhileFirstWasInFlight).hasValue(4);
        assertThat(delivered).hasSize(20).isSorted();
    }

    @Test
    void interruptingTheRun_interruptsItsWorkers_andEndsItWithInterruptedException() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch workerInterrupted = new CountDownLatch(1);
        UpdateQualificationUseCase hangs = r -> {
            sending.countDown();
            try {
                new CountDownLatch(1).await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                workerInterrupted.countDown();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            }
            throw new IllegalStateException("never interrupted");
        };
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<BulkSummary> run = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            try {
                return BulkUpdates.over(hangs).concurrency(2).build().run(requests(10), r -> { });
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        await(sending);

        runner.get().interrupt();

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(workerInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAlreadyInterruptedThread_sendsNothing() {
        AtomicInteger sent = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> BulkUpdates.over(r -> {
                sent.incrementAndGet();
                return UPDATED;
            }).build().run(requests(3), r -> { })).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(sent).hasValue(0);
    }

    @Test
    void whileAWorkerWaitsOutARetryAfter_theListenerIsToldHowLongIsLeft() throws Exception {
        AtomicLong nanos = new AtomicLong();
        SharedThrottle throttle = new SharedThrottle(0, nanos::get, d -> nanos.addAndGet(d.toNanos()));
        CountDownLatch seenWaiting = new CountDownLatch(1);
        List<BulkProgress> waiting = new CopyOnWriteArrayList<>();
        UpdateQualificationUseCase throttled = r -> {
            if (indexOf(r) == 1) {
                throttle.throttled(Duration.ofSeconds(42));
                // The run's thread, waiting for this row, tells the listener at each interval: the pause is on.
                await(seenWaiting);
            }
            return UPDATED;
        };
        BulkProgressListener listener = p -> {
            if (p.waitingForRetryAfter()) {
                waiting.add(p);
                seenWaiting.countDown();
            }
        };

        BulkUpdates.over(throttled).concurrency(1).throttle(throttle).nanoTime(nanos::get)
                .progress(listener, Duration.ZERO).build().run(requests(2), r -> { });

        assertThat(waiting).isNotEmpty().allSatisfy(p -> assertThat(p.retryAfterLeft()).isEqualTo(Duration.ofSeconds(42)));
        assertThat(waiting.get(0).done()).isZero();
    }
}
