package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The translation table at the ends of its status ranges, and the words it uses where an answer has none. */
class ErrorTranslationEdgesTest {

    private static final OperationContext CONTEXT = OperationContext.newOperation();

    private final ErrorTranslation translation =
            new ErrorTranslation(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), new WireFormat());

    @ParameterizedTest
    @ValueSource(ints = {501, 505, 599})
    void everyFiveHundredThatIsNotTransient_isAPermanentServerError(int status) {

        Failure failure = translation.fromStatus(status, null, "", CONTEXT);

        assertThat(failure).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.PERMANENT_SERVER_ERROR));
    }

    @ParameterizedTest
    @ValueSource(ints = {199, 399, 600})
    void aStatusOutsideTheFourAndFiveHundreds_isAnUnreadableAnswer(int status) {

        Failure failure = translation.fromStatus(status, null, "", CONTEXT);

        assertThat(failure).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().description()).isEqualTo("unreadable answer: unexpected HTTP status " + status);
        });
    }

    @Test
    void theLastFourHundred_isNotAccepted() {

        Failure failure = translation.fromStatus(499, null, "", CONTEXT);

        assertThat(failure).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Rejected.Reason.NOT_ACCEPTED));
    }

    @Test
    void aDetailWithoutABody_takesTheStatussDefaultDescription() {

        ErrorDetail detail = translation.detail(503, "");

        assertThat(detail).isEqualTo(new ErrorDetail(OptionalInt.of(503), Optional.empty(), "service unavailable",
                Optional.empty()));
    }

    @Test
    void aCodeOfNothingButControlCharacters_isNoCode() {

        ErrorDetail detail = translation.detail(400, "{\"code\":\"\\u0001\\u0007\",\"description\":\"bad\"}");

        assertThat(detail.serviceCode()).isEmpty();
        assertThat(detail.description()).isEqualTo("bad");
    }

    @Test
    void aTransportFailureWithoutAMessage_namesOnlyItsType() {

        Failure failure = translation.fromTransport(new IOException(), CONTEXT);

        assertThat(failure).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.CONNECTION_FAILED);
            assertThat(u.error().description()).isEqualTo("connection failed (IOException)");
        });
    }

    @Test
    void aTimeoutWithAMessage_namesItsTypeAndMessage() {

        Failure failure = translation.fromTransport(new SocketTimeoutException("Read timed out"), CONTEXT);

        assertThat(failure).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.TIMED_OUT);
            assertThat(u.error().description()).isEqualTo("timed out (SocketTimeoutException: Read timed out)");
        });
    }
}
