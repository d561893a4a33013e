package io.github.pcqualification.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** How every MSAL call is waited for (bounded, cancelled when given up) and what its answer's lifetime is. */
class MsalCallsTest {

    static IAuthenticationResult expiringAt(Date expiresOn) {
        return new IAuthenticationResult() {
            private static final long serialVersionUID = 1L;

            @Override
            public String accessToken() {
                return "access-token";
            }

            @Override
            public String idToken() {
                return null;
            }

            @Override
            public IAccount account() {
                return null;
            }

            @Override
            public ITenantProfile tenantProfile() {
                return null;
            }

            @Override
            public String environment() {
                return null;
            }

            @Override
            public String scopes() {
                return null;
            }

            @Override
            public Date expiresOnDate() {
                return expiresOn;
            }
        };
    }

    @Test
    void aCompletedCall_isDone_andItsToStringHidesTheValue() {
        MsalCalls.Awaited<String> awaited = MsalCalls.await(CompletableFuture.completedFuture("token-value"),
                Duration.ofSeconds(1));

        assertThat(awaited).isEqualTo(new MsalCalls.Awaited.Done<>("token-value"));
        assertThat(awaited.toString()).isEqualTo("Done[<redacted>]").doesNotContain("token-value");
    }

    @Test
    void aFailedCall_isFailed_withWhatItFailedWith() {
        IllegalStateException failure = new IllegalStateException("refused");

        MsalCalls.Awaited<String> awaited = MsalCalls.await(CompletableFuture.failedFuture(failure), Duration.ofSeconds(1));

        assertThat(awaited).isInstanceOfSatisfying(MsalCalls.Awaited.Failed.class,
                failed -> assertThat(failed.failure()).isSameAs(failure));
    }

    @Test
    void aCancelledCall_isFailed() {
        CompletableFuture<String> future = new CompletableFuture<>();
        future.cancel(true);

        assertThat(MsalCalls.await(future, Duration.ofSeconds(1))).isInstanceOf(MsalCalls.Awaited.Failed.class);
    }

    @Test
    void aCallThatNeverEnds_timesOut_andIsCancelled() {
        CompletableFuture<String> never = new CompletableFuture<>();

        MsalCalls.Awaited<String> awaited = MsalCalls.await(never, Duration.ofMillis(1));

        assertThat(awaited).isInstanceOf(MsalCalls.Awaited.TimedOut.class);
        assertThat(never).isCancelled();
    }

    @Test
    void anInterruptedWait_isInterrupted_cancelsTheCall_andKeepsTheInterrupt() {
        CompletableFuture<String> never = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            MsalCalls.Awaited<String> awaited = MsalCalls.await(never, Duration.ofSeconds(5));

            assertThat(awaited).isInstanceOf(MsalCalls.Awaited.Interrupted.class);
            assertThat(never).isCancelled();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTokensLifetime_isUntilItsExpiryLessOneSecond_neverNegative() {
        Instant asked = Instant.parse("2026-12-04T10:00:00.250Z");

        assertThat(MsalCalls.lifetime(expiringAt(Date.from(asked.plusSeconds(3600))), asked))
                .isEqualTo(Duration.ofSeconds(3599));
        assertThat(MsalCalls.lifetime(expiringAt(Date.from(asked.minusSeconds(10))), asked)).isZero();
        assertThat(MsalCalls.lifetime(expiringAt(null), asked)).isZero();
    }

    @Test
    void timeoutsForMsalsHttpClient_areWholeMilliseconds_atLeastOne_atMostIntMax() {
        assertThat(MsalCalls.millis(Duration.ofMillis(1500))).isEqualTo(1500);
        assertThat(MsalCalls.millis(Duration.ofNanos(10))).isEqualTo(1);
        assertThat(MsalCalls.millis(Duration.ofDays(365))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void msalRunsOnDaemonThreadsOfItsOwn() {
        Thread thread = ((ThreadPoolExecutor) MsalCalls.EXECUTOR).getThreadFactory().newThread(() -> { });

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).startsWith("pc-qualification-msal-");
    }
}
