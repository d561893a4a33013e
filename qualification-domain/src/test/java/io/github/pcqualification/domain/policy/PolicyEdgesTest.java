package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry policy, the real sleeper, the open gate and the token port's defaults, at their edges. */
class PolicyEdgesTest {

    @Test
    void maxAttempts_fromOneToTheLimit_areAccepted_outsideAreNot() {
        Duration second = Duration.ofSeconds(1);

        assertThat(new RetryPolicy(1, second, second, second).maxAttempts()).isEqualTo(1);
        assertThat(new RetryPolicy(RetryPolicy.MAX_ATTEMPTS_LIMIT, second, second, second).maxAttempts())
                .isEqualTo(RetryPolicy.MAX_ATTEMPTS_LIMIT);
        assertThatThrownBy(() -> new RetryPolicy(0, second, second, second)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be between 1 and 100, got 0");
        assertThatThrownBy(() -> new RetryPolicy(RetryPolicy.MAX_ATTEMPTS_LIMIT + 1, second, second, second))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBackoff_doublesPerRetry_upToItsMaximum_andRetriesCountFromOne() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofMillis(800));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofMillis(800));
        assertThatThrownBy(() -> policy.backoff(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry must be at least 1, got 0");
    }

    @Test
    void theRealSleeper_takesTheNanosecondsBelowAMillisecond() throws InterruptedException {
        Sleeper.real().sleep(Duration.ofNanos(1_500));
        Sleeper.real().sleep(Duration.ofNanos(999_999));
    }

    @Test
    void theOpenGate_isShared_andNeverWaits() throws InterruptedException {
        RequestGate gate = RequestGate.open();

        gate.awaitTurn();
        gate.throttled(Duration.ofSeconds(1));

        assertThat(RequestGate.open()).isSameAs(gate);
    }

    @Test
    void aTokenPort_renewsWithItsCurrentToken_byDefault() {
        AccessTokenPort port = () -> AccessToken.check("abc", io.github.pcqualification.domain.model.TokenKind.APP_USER,
                java.util.Optional.empty(), "s");

        TokenOutcome renewed = port.renewedToken();

        assertThat(renewed).isInstanceOfSatisfying(AccessToken.class, t -> assertThat(t.value()).isEqualTo("abc"));
    }

    @Test
    void aSuppliedTokenPort_hidesItsTokensInToString() {
        assertThat(AccessTokenPort.of(() -> "abc", () -> "def"))
                .hasToString("AccessTokenPort[supplier, tokens redacted]");
    }
}
