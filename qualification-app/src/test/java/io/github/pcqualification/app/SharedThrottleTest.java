package io.github.pcqualification.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The job-wide throttle, on a fake clock whose sleeps only move the clock. */
class SharedThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    private SharedThrottle throttle(double rate) {
        return new SharedThrottle(rate, now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        });
    }

    @Test
    void withoutACap_nobodyWaits() throws InterruptedException {
        SharedThrottle throttle = throttle(0);

        for (int i = 0; i < 100; i++) {
            throttle.awaitTurn();
        }

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRateCap_spacesRequestsEvenly() throws InterruptedException {
        SharedThrottle throttle = throttle(4);

        for (int i = 0; i < 5; i++) {
            throttle.awaitTurn();
        }

        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250),
                Duration.ofMillis(250));
    }

    @Test
    void aThrottledRequest_pausesEveryWorkerForTheRetryAfter() throws InterruptedException {
        SharedThrottle throttle = throttle(0);

        throttle.throttled(Duration.ofSeconds(57));
        throttle.awaitTurn();
        throttle.awaitTurn();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(57));
        assertThat(throttle.pauses()).isEqualTo(1);
    }

    @Test
    void aShorterRetryAfter_neverShortensAPauseUnderWay() throws InterruptedException {
        SharedThrottle throttle = throttle(0);

        throttle.throttled(Duration.ofSeconds(30));
        throttle.throttled(Duration.ofSeconds(5));
        throttle.awaitTurn();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aNegativeOrInfiniteRate_isRefused() {
        assertThatThrownBy(() -> throttle(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryAfterLongerThanTheDeadline_pausesNobody() throws InterruptedException {
        SharedThrottle throttle = throttle(0);

        throttle.throttled(Duration.ofSeconds(99_999_999));
        throttle.throttled(Duration.ofSeconds(Long.MAX_VALUE));
        throttle.throttled(Duration.ofMinutes(2).plusNanos(1));
        throttle.awaitTurn();

        assertThat(sleeps).isEmpty();
        assertThat(throttle.pauses()).isEqualTo(3);
    }

    @Test
    void aRetryAfterUpToTheDeadline_isStillWaitedOut() throws InterruptedException {
        SharedThrottle throttle = new SharedThrottle(0, Duration.ofSeconds(10), now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        });

        throttle.throttled(Duration.ofSeconds(10));
        throttle.throttled(Duration.ofSeconds(11));
        throttle.awaitTurn();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void pauseLeft_countsDownThePauseAndIsZeroWithoutOne() throws InterruptedException {
        SharedThrottle throttle = throttle(0);
        assertThat(throttle.pauseLeft()).isEqualTo(Duration.ZERO);

        throttle.throttled(Duration.ofSeconds(57));
        assertThat(throttle.pauseLeft()).isEqualTo(Duration.ofSeconds(57));
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(throttle.pauseLeft()).isEqualTo(Duration.ofSeconds(37));

        throttle.awaitTurn();
        assertThat(throttle.pauseLeft()).isEqualTo(Duration.ZERO);
    }

    @Test
    void pausedTime_sumsEveryWorkersPauseButNotTheRateCap() throws InterruptedException {
        SharedThrottle throttle = throttle(4);
        throttle.awaitTurn();
        throttle.awaitTurn();
        assertThat(sleeps).containsExactly(Duration.ofMillis(250));
        assertThat(throttle.pausedTime()).isEqualTo(Duration.ZERO);

        throttle.throttled(Duration.ofSeconds(10));
        throttle.awaitTurn();
        throttle.throttled(Duration.ofSeconds(3));
        throttle.awaitTurn();

        assertThat(throttle.pausedTime()).isEqualTo(Duration.ofSeconds(13));
    }
}
