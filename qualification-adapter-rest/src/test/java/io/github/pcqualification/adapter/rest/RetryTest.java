package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.ResilientPorts;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries and throttling (spec section 6): what is retried, how long it waits, and where it stops. */
class RetryTest extends MockServerTest {

    /** 4 attempts, 2 min, backoff 1 s doubling to at most 8 s. */
    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8));

    private ResilientPorts retrying(RetryPolicy policy) {
        return resilient(policy);
    }

    private void enqueueThrottled(String retryAfter) {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", retryAfter)
                .setBody("{\"statusCode\": 429, \"message\": \"Rate limit is exceeded.\"}"));
    }

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void throttledWithSeconds_waitsExactlyRetryAfter_thenSucceeds() {
        enqueueThrottled("57");
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(57));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void throttledWithHttpDate_waitsUntilThatDateOnTheInjectedClock() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(90).atOffset(ZoneOffset.UTC));
        enqueueThrottled(date);
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void throttledPastTheDeadline_stopsAtOnce_carryingRetryAfter() {
        enqueueThrottled("300");

        var outcome = retrying(POLICY).setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.THROTTLED);
            assertThat(u.retryAfter()).contains(Duration.ofMinutes(5));
            assertThat(u.attempts()).isEqualTo(1);
            assertThat(u.context()).isEqualTo(CONTEXT);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void throttledUntilTheYear9999_stopsAtOnce_carryingTheClampedRetryAfter() {
        enqueueThrottled("Fri, 31 Dec 9999 23:59:59 GMT");

        var outcome = retrying(POLICY).setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.THROTTLED);
            assertThat(u.retryAfter()).contains(Duration.ofSeconds(RetryAfter.MAX_SECONDS));
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void throttledAgain_backsOffExponentially_neverBelowRetryAfter() {
        enqueueThrottled("1");
        enqueueThrottled("1");
        enqueueThrottled("3");
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        // first: exactly Retry-After 1 s; then backoff 2 s (above Retry-After 1 s); then backoff 4 s (above Retry-After 3 s)
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void throttledAgain_withALongRetryAfter_waitsTheRetryAfter() {
        enqueueThrottled("10");
        enqueueThrottled("20");
        enqueueJson(200, "\"education\"");

        retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void serviceUnavailableForever_isBounded_byExactlyMaxAttemptsRequests() {
        for (int i = 0; i < 10; i++) {
            enqueue(503, "");
        }

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.SERVER_ERROR);
            assertThat(u.attempts()).isEqualTo(4);
        });
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void backoff_isCappedAtMaxBackoff() {
        for (int i = 0; i < 6; i++) {
            enqueue(500, "");
        }
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(3));

        retrying(policy).getQualification(CUSTOMER, CONTEXT);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void jitter_takesBetweenHalfAndAllOfTheBackoff() {
        for (int i = 0; i < 3; i++) {
            enqueue(502, "");
        }

        resilient(new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                RequestGate.open(), () -> 0.0, b -> b).getQualification(CUSTOMER, CONTEXT);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void theDeadline_endsRetriesWhoseNextWaitWouldPassIt() {
        for (int i = 0; i < 10; i++) {
            enqueue(504, "");
        }
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

        var outcome = retrying(policy).getQualification(CUSTOMER, CONTEXT);

        // waits 1 s and 2 s fit into 5 s; the next 4 s would end at 7 s
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(((Unavailable) outcome).attempts()).isEqualTo(3);
    }

    @Test
    void serverErrorWithRetryAfter_waitsAtLeastThat() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"));
        enqueueJson(200, "\"education\"");

        retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void transientStatuses_areRetried(int status) {
        enqueue(status, "");
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 405, 409, 412, 501})
    void finalStatuses_areNeverRetried(int status) {
        enqueue(status, "");
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(outcome).isInstanceOfAny(Rejected.class, NotFound.class, Unavailable.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void malformedSuccess_isNotRetried() {
        enqueue(200, "<html>captive portal</html>");
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(((Unavailable) outcome).reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void disconnectAtStart_isRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        enqueueJson(200, "\"education\"");

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void noResponse_isRetriedAfterTheReadTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        enqueueJson(200, "\"education\"");

        var outcome = resilient(POLICY, b -> b.readTimeout(Duration.ofMillis(200)))
                .getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void everyRetry_carriesTheSameRequestIdAndCorrelationId() throws Exception {
        enqueue(503, "");
        enqueueThrottled("2");
        enqueueJson(200, "\"education\"");

        retrying(POLICY).setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        List<RecordedRequest> requests = List.of(taken(), taken(), taken());
        assertThat(requests).extracting(r -> r.getHeader("MS-RequestId")).containsOnly(CONTEXT.requestId().toString());
        assertThat(requests).extracting(r -> r.getHeader("MS-CorrelationId")).containsOnly(CONTEXT.correlationId().toString());
        assertThat(requests).extracting(r -> r.getBody().readUtf8()).containsOnly("\"Education\"");
    }

    @Test
    void customerValidations_throttled_waitRetryAfter_andRepeatTheSameRequest() throws Exception {
        enqueueThrottled("3");
        enqueueJson(200, "[]");

        var outcome = retrying(POLICY).listValidations(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new ValidationsListed(CUSTOMER, List.of(), CONTEXT));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        List<RecordedRequest> requests = List.of(taken(), taken());
        assertThat(requests).extracting(RecordedRequest::getPath)
                .containsOnly(PREFIX + "v1/customers/" + CUSTOMER + "/validations");
        assertThat(requests).extracting(r -> r.getHeader("MS-RequestId")).containsOnly(CONTEXT.requestId().toString());
    }

    @Test
    void unauthorized_asksForARefreshedTokenOnce_andRetriesAtOnce() throws Exception {
        enqueueJson(401, "{\"code\":401,\"description\":\"Access denied\"}");
        enqueueJson(200, "\"education\"");
        AtomicInteger refreshes = new AtomicInteger();
        AccessTokenPort tokens = AccessTokenPort.of(() -> TOKEN, () -> {
            refreshes.incrementAndGet();
            return REFRESHED_TOKEN;
        });

        var outcome = resilient(POLICY, b -> b.accessTokens(tokens)).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest retry = taken();
        assertThat(retry.getHeader("Authorization")).isEqualTo("Bearer " + REFRESHED_TOKEN);
        assertThat(retry.getHeader("MS-RequestId")).isEqualTo(CONTEXT.requestId().toString());
        assertThat(refreshes).hasValue(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void unauthorizedTwice_isAnAuthenticationFailure_afterExactlyTwoRequests_evenWithRetries() {
        enqueueJson(401, "{\"code\":401,\"description\":\"Access denied\"}");
        for (int i = 0; i < 3; i++) {
            enqueueJson(401, "{\"code\":900401,\"description\":\"Token expired\"}");
        }

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
            assertThat(failed.problem().reason()).isEqualTo(CredentialProblem.Reason.REFUSED_BY_SERVICE);
            assertThat(failed.problem().remote()).hasValueSatisfying(error -> {
                assertThat(error.httpStatus()).hasValue(401);
                assertThat(error.serviceCode()).hasValue("900401");
                assertThat(error.description()).isEqualTo("Token expired");
            });
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.context()).isEqualTo(CONTEXT);
            assertThat(failed.message()).contains("also after it was renewed").contains("HTTP 401 (code 900401)");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRenewalThatFails_endsTheOperationWithTheSourcesProblem() {
        enqueue(401, "");
        AccessTokenPort tokens = AccessTokenPort.of(() -> TOKEN, () -> {
            throw new IllegalStateException("refresh token revoked");
        });

        var outcome = resilient(POLICY, b -> b.accessTokens(tokens)).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
            assertThat(failed.problem().reason()).isEqualTo(CredentialProblem.Reason.SOURCE_FAILED);
            assertThat(failed.message()).contains("refresh token revoked");
            assertThat(failed.attempts()).isEqualTo(1);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unauthorizedRetry_thatIsThenThrottled_countsEveryRequest() {
        enqueue(401, "");
        enqueueThrottled("1");
        enqueueThrottled("1");

        var outcome = retrying(new RetryPolicy(2, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8)))
                .getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> assertThat(u.attempts()).isEqualTo(3));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void interruptedWait_endsTheOperationAsUnavailable_andKeepsTheInterrupt() {
        enqueue(503, "");
        enqueueJson(200, "\"education\"");
        sleeper.interruptNext();

        var outcome = retrying(POLICY).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.SERVER_ERROR);
            assertThat(u.attempts()).isEqualTo(1);
        });
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void throttledWithoutRetryAfter_usesTheBackoff_andReportsNoRetryAfter() {
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(new MockResponse().setResponseCode(429));

        var outcome = retrying(new RetryPolicy(2, Duration.ofMinutes(2), Duration.ofSeconds(3), Duration.ofSeconds(8)))
                .getQualification(CUSTOMER, CONTEXT);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(((Unavailable) outcome).retryAfter()).isEqualTo(Optional.empty());
        assertThat(((Unavailable) outcome).attempts()).isEqualTo(2);
    }
}
