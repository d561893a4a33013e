package io.github.pcqualification.domain.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.outcome.Unavailable.Reason;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specification of the failure outcomes: one readable line each, and the ids of the operation. */
class FailureMessagesTest {

    private static final OperationContext CONTEXT = new OperationContext(
            new CorrelationId(UUID.fromString("11111111-1111-4111-8111-111111111111")),
            new RequestId(UUID.fromString("22222222-2222-4222-8222-222222222222")));

    private static final ErrorDetail THROTTLED = new ErrorDetail(java.util.OptionalInt.of(429), Optional.empty(),
            "Rate limit is exceeded. Try again in 57 seconds.", Optional.empty());

    static Stream<Arguments> unavailable() {
        return Stream.of(
                Arguments.of(Reason.THROTTLED, Optional.of(Duration.ofSeconds(57)), 1,
                        "unavailable (throttled, 1 attempt): HTTP 429: Rate limit is exceeded. Try again in 57 seconds.; retry after 57s"),
                Arguments.of(Reason.THROTTLED, Optional.empty(), 3,
                        "unavailable (throttled, 3 attempts): HTTP 429: Rate limit is exceeded. Try again in 57 seconds."),
                Arguments.of(Reason.SERVER_ERROR, Optional.empty(), 0,
                        "unavailable (server error, 0 attempts): HTTP 429: Rate limit is exceeded. Try again in 57 seconds."),
                Arguments.of(Reason.CONNECTION_FAILED, Optional.of(Duration.ofMinutes(2)), 2,
                        "unavailable (connection failed, 2 attempts): HTTP 429: Rate limit is exceeded. Try again in 57 seconds.; retry after 120s"),
                Arguments.of(Reason.MALFORMED_RESPONSE, Optional.empty(), 1,
                        "unavailable (malformed response, 1 attempt): HTTP 429: Rate limit is exceeded. Try again in 57 seconds."),
                Arguments.of(Reason.TIMED_OUT, Optional.empty(), 1,
                        "unavailable (timed out, 1 attempt): HTTP 429: Rate limit is exceeded. Try again in 57 seconds."));
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("unavailable")
    void unavailableMessage_namesReasonAttemptsAndRetryAfter(Reason reason, Optional<Duration> retryAfter, int attempts,
            String message) {
        Unavailable outcome = new Unavailable(reason, THROTTLED, retryAfter, attempts, CONTEXT);

        String actual = outcome.message();

        assertThat(actual).isEqualTo(message);
    }

    @Test
    void unavailableTransportFailure_readsWithoutStatus() {
        Unavailable outcome = new Unavailable(Reason.CONNECTION_FAILED,
                ErrorDetail.withoutResponse("connection refused"), Optional.empty(), 1, CONTEXT);

        String actual = outcome.message();

        assertThat(actual).isEqualTo("unavailable (connection failed, 1 attempt): connection refused");
    }

    @Test
    void negativeAttempts_areRefused() {

        var thrown = assertThatIllegalArgumentException().isThrownBy(
                () -> new Unavailable(Reason.TIMED_OUT, THROTTLED, Optional.empty(), -1, CONTEXT));

        thrown.withMessage("attempts must not be negative");
    }

    @Test
    void rejectedMessage_isTheSummary() {
        Rejected outcome = new Rejected(ErrorDetail.of(403, Optional.of("600006"), "action not allowed"),
                Rejected.Reason.REQUEST_REFUSED, CONTEXT);

        String actual = outcome.message();

        assertThat(actual).isEqualTo("rejected: HTTP 403 (code 600006): action not allowed");
    }

    @Test
    void notFoundMessage_isTheSummary() {
        NotFound outcome = new NotFound(ErrorDetail.of(404, Optional.of("60003"), "tenant not found"), CONTEXT);

        String actual = outcome.message();

        assertThat(actual).isEqualTo("not found: HTTP 404 (code 60003): tenant not found");
    }

    @Test
    void invalidRequestMessage_joinsEveryViolation() {
        InvalidRequest outcome = new InvalidRequest(List.of(
                new RuleViolation(Rule.NEVER_SETTABLE, "None cannot be set by a partner"),
                new RuleViolation(Rule.VALIDATION_CODE_NOT_ACCEPTED, "only GCC takes a code")), CONTEXT);

        String actual = outcome.message();

        assertThat(actual).isEqualTo("None cannot be set by a partner; only GCC takes a code");
    }

    @Test
    void invalidRequestWithoutViolations_isRefused() {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> new InvalidRequest(List.of(), CONTEXT));

        thrown.withMessage("an invalid request names at least one violation");
    }

    @Test
    void everyOutcome_exposesTheIdsOfItsOperation() {
        Failure failure = new NotFound(ErrorDetail.withoutResponse("gone"), CONTEXT);

        var correlation = failure.correlationId();
        var request = failure.requestId();

        assertThat(correlation).hasToString("11111111-1111-4111-8111-111111111111");
        assertThat(request).hasToString("22222222-2222-4222-8222-222222222222");
    }
}
