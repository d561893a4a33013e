package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real sleeper hands Thread.sleep a valid nanosecond part; each test interrupts first, so nothing sleeps. */
class RealSleeperTest {

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void aWaitWithASubMillisecondPart_isAValidSleep_endedByTheInterrupt() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.real().sleep(Duration.ofMillis(2).plusNanos(999_999)))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void aWaitOfOneNanosecond_isAValidSleep_endedByTheInterrupt() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.real().sleep(Duration.ofNanos(1))).isInstanceOf(InterruptedException.class);
    }
}
