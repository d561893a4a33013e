package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake is thread-safe: racing threads see every rule applied atomically. Bounded: 8 threads x 500 calls. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class InMemoryPartnerCenterConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 500;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void racingGccRequests_consumeACodeExactlyAsOftenAsItHasCreates() throws Exception {
        int creates = 37;
        ValidationCode code = ValidationCode.of("RACE-CODE");
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(new RecordingSleeper()).addValidationCode(code, creates, creates);
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < THREADS * CALLS_PER_THREAD; i++) {
            CustomerId customer = new CustomerId(UUID.randomUUID());
            fake.addCustomer(customer);
            customers.add(customer);
        }
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger usedUp = new AtomicInteger();

        runRacing(thread -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                CustomerId customer = customers.get(thread * CALLS_PER_THREAD + i);
                UpdateOutcome outcome = fake.setQualification(
                        QualificationRequest.governmentCommunityCloud(customer, code), OperationContext.newOperation());
                if (outcome instanceof Updated) {
                    updated.incrementAndGet();
                } else if (outcome instanceof Rejected rejected
                        && rejected.error().description().contains("no remaining creates")) {
                    usedUp.incrementAndGet();
                }
            }
        });

        assertThat(updated).hasValue(creates);
        assertThat(usedUp).hasValue(THREADS * CALLS_PER_THREAD - creates);
        assertThat(fake.remainingCreates(code)).isZero();
        assertThat(customers.stream().filter(c -> !fake.qualificationsOf(c).isEmpty())).hasSize(creates);
        assertThat(fake.callCount()).isEqualTo(THREADS * CALLS_PER_THREAD);
    }

    @Test
    void racingConflictingUpdatesOfOneCustomer_leaveExactlyOneWinner() throws Exception {
        ValidationCode code = ValidationCode.of("RACE-CODE");
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(new RecordingSleeper())
                .addValidationCode(code, 1_000_000, 1_000_000);
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            CustomerId customer = new CustomerId(UUID.randomUUID());
            fake.addCustomer(customer);
            customers.add(customer);
        }
        AtomicInteger updated = new AtomicInteger();

        runRacing(thread -> {
            for (CustomerId customer : customers) {
                QualificationRequest request = thread % 2 == 0
                        ? QualificationRequest.education(customer)
                        : QualificationRequest.governmentCommunityCloud(customer, code);
                if (fake.setQualification(request, OperationContext.newOperation()) instanceof Updated) {
                    updated.incrementAndGet();
                }
            }
        });

        assertThat(updated).hasValue(CALLS_PER_THREAD);
        assertThat(customers).allSatisfy(c -> assertThat(fake.qualificationsOf(c)).hasSize(1));
        long gccWinners = customers.stream()
                .filter(c -> fake.qualificationsOf(c).get(0).qualification().is(Qualification.GOVERNMENT_COMMUNITY_CLOUD))
                .count();
        assertThat(fake.remainingCreates(code)).isEqualTo(1_000_000 - (int) gccWinners);
    }

    @Test
    void racingCallsMeetAScriptedFaultExactlyAsOftenAsScripted() throws Exception {
        CustomerId customer = new CustomerId(UUID.randomUUID());
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(new RecordingSleeper())
                .addCustomer(customer)
                .failNext(1234, Fault.unavailable());
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();

        runRacing(thread -> {
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                var outcome = fake.getQualification(customer, OperationContext.newOperation());
                if (outcome instanceof Unavailable) {
                    unavailable.incrementAndGet();
                } else if (outcome instanceof Found) {
                    found.incrementAndGet();
                }
            }
        });

        assertThat(unavailable).hasValue(1234);
        assertThat(found).hasValue(THREADS * CALLS_PER_THREAD - 1234);
    }

    /** Starts {@link #THREADS} workers on one latch so they really race, and waits (bounded) for all. */
    private void runRacing(Worker worker) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                assertThat(start.await(5, TimeUnit.SECONDS)).isTrue();
                worker.run(thread);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface Worker {
        void run(int thread) throws Exception;
    }
}
