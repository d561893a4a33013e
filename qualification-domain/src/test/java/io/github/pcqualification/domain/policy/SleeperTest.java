package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The real sleeper, on durations a service can ask for. */
class SleeperTest {

    @Test
    void anEnormousWait_doesNotOverflow_itSleeps() {
        // Interrupted first, so Thread.sleep returns at once: nothing sleeps for real.
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.real().sleep(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(InterruptedException.class);
    }
}
