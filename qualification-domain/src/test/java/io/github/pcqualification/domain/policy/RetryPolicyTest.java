package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    @Test
    void defaults_areBoundedTwice() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertThat(defaults).isEqualTo(new RetryPolicy(5, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(RetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, RetryPolicy.MAX_ATTEMPTS_LIMIT + 1})
    void maxAttemptsOutOfRange_isRefused(int attempts) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(attempts, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .withMessageContaining("maxAttempts");
    }

    @Test
    void zeroDeadline_zeroBackoff_andMaxBelowInitial_areRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .withMessageContaining("deadline");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), Duration.ZERO, Duration.ofSeconds(1)))
                .withMessageContaining("initialBackoff");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessageContaining("maxBackoff");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "3,4", "4,8", "5,16", "6,30", "7,30", "60,30", "1000000,30"})
    void backoff_doublesUpToTheCap(int retry, long expectedSeconds) {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(policy.backoff(retry)).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }
}
