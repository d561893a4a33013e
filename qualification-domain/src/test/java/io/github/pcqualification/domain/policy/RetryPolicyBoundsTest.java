package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link RetryPolicy} at the edges of what it accepts, and a backoff that is already at its cap. */
class RetryPolicyBoundsTest {

    @Test
    void theAttemptsLimitItself_isAccepted() {

        RetryPolicy policy = new RetryPolicy(RetryPolicy.MAX_ATTEMPTS_LIMIT, Duration.ofMinutes(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(policy.maxAttempts()).isEqualTo(100);
    }

    @Test
    void aRetryNumberBelowOne_isRefused() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> policy.backoff(0))
                .withMessage("retry must be at least 1, got 0");
    }

    @Test
    void aBackoffAlreadyAtItsCap_isNotDoubledAgain_soEvenTheLongestDurationCannotOverflow() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE);
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMinutes(1), longest, longest);

        Duration backoff = policy.backoff(3);

        assertThat(backoff).isEqualTo(longest);
    }
}
