package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared request gate: awaited before every attempt, told of every 429. */
class RequestGateTest extends MockServerTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final AtomicInteger turns = new AtomicInteger();
    private final List<Duration> throttles = new CopyOnWriteArrayList<>();
    private boolean interruptOnTurn;

    private final RequestGate gate = new RequestGate() {
        @Override
        public void awaitTurn() throws InterruptedException {
            turns.incrementAndGet();
            if (interruptOnTurn) {
                throw new InterruptedException("stop");
            }
        }

        @Override
        public void throttled(Duration retryAfter) {
            throttles.add(retryAfter);
        }
    };

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void everyAttempt_waitsForItsTurn_andEvery429IsReported() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "57"));
        server.enqueue(new MockResponse().setResponseCode(503));
        enqueueJson(200, "\"education\"");

        var outcome = resilient(POLICY, gate).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(turns).hasValue(3);
        assertThat(throttles).containsExactly(Duration.ofSeconds(57));
    }

    @Test
    void anInterruptWhileWaitingForATurn_sendsNothing_andEndsUnavailable() {
        interruptOnTurn = true;

        var outcome = resilient(RetryPolicy.noRetries(), gate).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.attempts()).isZero();
            assertThat(u.context()).isEqualTo(CONTEXT);
        });
        assertThat(server.getRequestCount()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aRetryHeldByTheGatePastTheDeadline_isNotSent() {
        server.enqueue(new MockResponse().setResponseCode(503));
        enqueueJson(200, "\"education\"");
        RequestGate slowGate = new RequestGate() {
            @Override
            public void awaitTurn() {
                if (turns.incrementAndGet() == 2) {
                    clock.advance(Duration.ofMinutes(3)); // another request's pause held this one
                }
            }

            @Override
            public void throttled(Duration retryAfter) {}
        };

        var outcome = resilient(POLICY, slowGate).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.SERVER_ERROR);
            assertThat(u.attempts()).isEqualTo(1);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
