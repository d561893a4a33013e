package io.github.pcqualification.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The job-wide throttle at its edges, on a fake clock whose sleeps only move the clock: the longest pause allowed,
 * a {@code Retry-After} of exactly that, a pause that starts while a worker waits for its slot, and the rate cap
 * after a pause.
 */
class SharedThrottleEdgesTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable duringFirstSleep = () -> { };

    private SharedThrottle throttle(double rate, Duration maxPause) {
        return new SharedThrottle(rate, maxPause, now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
            Runnable once = duringFirstSleep;
            duringFirstSleep = () -> { };
            once.run();
        });
    }

    @Test
    void aLongestPauseOfAYear_isAccepted_aNanosecondMoreOrANegativeOneIsNot() {
        assertThat(throttle(0, Duration.ofDays(365))).isNotNull();
        assertThat(throttle(0, Duration.ZERO)).isNotNull();
        assertThatThrownBy(() -> throttle(0, Duration.ofDays(365).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxPause must be 0 to 365 days, got ");
        assertThatThrownBy(() -> throttle(0, Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryAfterOfExactlyTheLongestPause_isWaitedOut() throws InterruptedException {
        SharedThrottle throttle = throttle(0, Duration.ofSeconds(10));

        throttle.throttled(Duration.ofSeconds(10));
        throttle.awaitTurn();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
        assertThat(throttle.pauses()).isEqualTo(1);
    }

    @Test
    void aNegativeRetryAfter_pausesNobody_butIsCounted() throws InterruptedException {
        SharedThrottle throttle = throttle(0, Duration.ofSeconds(10));

        throttle.throttled(Duration.ofSeconds(-1));
        throttle.awaitTurn();

        assertThat(sleeps).isEmpty();
        assertThat(throttle.pauses()).isEqualTo(1);
    }

    @Test
    void afterAPause_theRateCapCountsFromThePausesEnd() throws InterruptedException {
        SharedThrottle throttle = throttle(4, Duration.ofSeconds(60));

        throttle.throttled(Duration.ofSeconds(1));
        throttle.awaitTurn();
        throttle.awaitTurn();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(250));
    }

    @Test
    void aPauseThatStartsWhileAWorkerWaitsForItsSlot_holdsThatWorkerToo() throws InterruptedException {
        SharedThrottle throttle = throttle(1, Duration.ofSeconds(60));
        throttle.awaitTurn();
        SharedThrottle same = throttle;
        duringFirstSleep = () -> same.throttled(Duration.ofSeconds(5));

        throttle.awaitTurn();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void unlimited_neverWaits_andCountsNoPause() throws InterruptedException {
        SharedThrottle throttle = SharedThrottle.unlimited();

        for (int i = 0; i < 1000; i++) {
            throttle.awaitTurn();
        }

        assertThat(throttle.pauses()).isZero();
    }
}
