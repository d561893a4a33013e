package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the translation table, against a real HTTP exchange (no retries: each failure as sent). */
class ErrorTranslationTest extends MockServerTest {

    private UpdateOutcome putEducation() {
        return adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 405, 406, 409, 410, 412, 415, 422, 451})
    void fourHundreds_exceptNotFoundTimeoutAndThrottling_areRejected(int status) {
        enqueue(status, "");

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.error().httpStatus()).isEqualTo(OptionalInt.of(status));
            assertThat(r.reason()).isEqualTo(status == 400 || status == 403 || status == 409
                    ? Rejected.Reason.REQUEST_REFUSED : Rejected.Reason.NOT_ACCEPTED);
            assertThat(r.context()).isEqualTo(CONTEXT);
        });
    }

    @Test
    void unauthorized_evenAfterTheRefreshedToken_isAnAuthenticationFailure_keepingTheAnswer() {
        enqueueJson(401, "{\"code\":401,\"description\":\"Access denied\"}");
        enqueueJson(401, "{\"code\":401,\"description\":\"Access denied\"}");

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
            ErrorDetail error = failed.problem().remote().orElseThrow();
            assertThat(error.httpStatus()).isEqualTo(OptionalInt.of(401));
            assertThat(error.description()).isEqualTo("Access denied");
            assertThat(failed.context()).isEqualTo(CONTEXT);
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void notFound_isNotFound() {
        enqueueJson(404, "{\"code\":60003,\"description\":\"Tenant not found\",\"data\":[],\"source\":\"PartnerFD\"}");

        var outcome = putEducation();

        assertThat(outcome).isEqualTo(new NotFound(new ErrorDetail(OptionalInt.of(404), Optional.of("60003"),
                "Tenant not found", Optional.of("{\"code\":60003,\"description\":\"Tenant not found\",\"data\":[],\"source\":\"PartnerFD\"}")),
                CONTEXT));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void requestTimeoutAndTransientFiveHundreds_areUnavailableServerError(int status) {
        enqueue(status, "");

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.SERVER_ERROR);
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(status));
            assertThat(u.attempts()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 505, 511, 599})
    void otherFiveHundreds_areAPermanentServerError_thatIsNotTransient(int status) {
        enqueue(status, "");

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.PERMANENT_SERVER_ERROR);
            assertThat(u.isTransient()).isFalse();
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(status));
        });
    }

    @Test
    void throttled_isUnavailableThrottled_withTheMessageAndRetryAfter() {
        String body = "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 57 seconds.\"}";
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "57").setBody(body));

        var outcome = putEducation();

        assertThat(outcome).isEqualTo(new Unavailable(Unavailable.Reason.THROTTLED,
                new ErrorDetail(OptionalInt.of(429), Optional.empty(), "Rate limit is exceeded. Try again in 57 seconds.",
                        Optional.of(body)),
                Optional.of(Duration.ofSeconds(57)), 1, CONTEXT));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 304, 307})
    void redirects_areNotFollowed_andAreUnreadable(int status) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", "https://elsewhere.example/"));

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(status));
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void apiFault_withNumericCode_keepsStatusCodeDescriptionAndRawBody() {
        String body = "{\"code\": 20002, \"description\": \"No relationship between partner and customer\", \"data\": [], \"source\": \"PartnerFD\"}";
        enqueueJson(403, body);

        var outcome = putEducation();

        assertThat(outcome).isEqualTo(new Rejected(new ErrorDetail(OptionalInt.of(403), Optional.of("20002"),
                "No relationship between partner and customer", Optional.of(body)), Rejected.Reason.REQUEST_REFUSED, CONTEXT));
    }

    @Test
    void apiFault_withStringCode_keepsIt() {
        enqueueJson(400, "{\"code\":\"900126\",\"description\":\"Unable to parse enum\"}");

        var outcome = putEducation();

        assertThat(((Rejected) outcome).error().serviceCode()).contains("900126");
        assertThat(((Rejected) outcome).error().description()).isEqualTo("Unable to parse enum");
    }

    @Test
    void bareJsonString_isTheDescription() {
        enqueueJson(400, "\"Customer tagging denied.\"");

        var outcome = putEducation();

        assertThat(outcome).isEqualTo(new Rejected(new ErrorDetail(OptionalInt.of(400), Optional.empty(),
                "Customer tagging denied.", Optional.of("\"Customer tagging denied.\"")), Rejected.Reason.REQUEST_REFUSED,
                CONTEXT));
    }

    @Test
    void errorWrapperObject_isRead() {
        enqueueJson(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Action not allowed.\"}}");

        var outcome = putEducation();

        assertThat(detailOf(outcome).serviceCode()).contains("Forbidden");
        assertThat(detailOf(outcome).description()).isEqualTo("Action not allowed.");
    }

    private static ErrorDetail detailOf(Object outcome) {
        if (outcome instanceof Rejected r) {
            return r.error();
        }
        if (outcome instanceof NotFound n) {
            return n.error();
        }
        if (outcome instanceof Unavailable u) {
            return u.error();
        }
        throw new AssertionError("not a failure with an error detail: " + outcome);
    }

    @Test
    void html_keepsTheDefaultDescriptionAndTheRawBody() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(html));

        var outcome = putEducation();

        assertThat(outcome).isEqualTo(new Unavailable(Unavailable.Reason.SERVER_ERROR,
                new ErrorDetail(OptionalInt.of(502), Optional.empty(), "bad gateway", Optional.of(html)),
                Optional.empty(), 1, CONTEXT));
    }

    @ParameterizedTest
    @CsvSource({"400,bad request", "403,forbidden: the partner may not do this for this customer", "404,not found",
            "409,conflict", "412,precondition failed", "503,service unavailable", "418,HTTP status 418"})
    void emptyBody_getsADefaultDescriptionPerStatus_andNoRawBody(int status, String description) {
        enqueue(status, "");

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(detailOf(outcome)).isEqualTo(new ErrorDetail(OptionalInt.of(status), Optional.empty(), description, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "42", "null", "{\"code\":null,\"description\":\"  \"}", "{\"description\":{\"nested\":1}}",
            "{\"code\": 1, ", "plain text from a proxy"})
    void errorBodiesThatSayNothingUsable_fallBackToTheDefault_andKeepTheRawText(String body) {
        enqueue(409, body);

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.error().description()).isEqualTo("conflict");
            assertThat(r.error().rawBody()).contains(body);
        });
    }

    @Test
    void longErrorBody_isTruncatedInTheRawBody() {
        String body = "\"" + "x".repeat(5000) + "\"";
        enqueueJson(400, body);

        var outcome = putEducation();

        Rejected rejected = (Rejected) outcome;
        assertThat(rejected.error().rawBody().orElseThrow()).hasSize(ErrorDetail.MAX_RAW_BODY + 3);
        assertThat(rejected.error().description()).hasSize(ErrorTranslation.MAX_DESCRIPTION + 3);
    }

    @Test
    void disconnectAtStart_isConnectionFailed() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.CONNECTION_FAILED);
            assertThat(u.error().httpStatus()).isEmpty();
            assertThat(u.attempts()).isEqualTo(1);
        });
    }

    @Test
    void disconnectDuringTheBody_isConnectionFailed() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("\"education\"" + " ".repeat(1000))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        var outcome = putEducation();

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.CONNECTION_FAILED));
    }

    @Test
    void noResponse_isTimedOut_afterTheReadTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        var outcome = adapter(b -> b.readTimeout(Duration.ofMillis(200))).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.TIMED_OUT);
            assertThat(u.error().httpStatus()).isEmpty();
            assertThat(u.error().description()).startsWith("timed out");
        });
    }

    @Test
    void callTimeout_isTimedOut() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        var outcome = adapter(b -> b.readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(200)))
                .getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.TIMED_OUT));
    }

    @Test
    void nobodyListening_isConnectionFailed() throws Exception {
        java.net.URI base = server.url("/").uri();
        server.shutdown();

        var outcome = adapter(b -> b.baseUrl(base)).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.CONNECTION_FAILED);
            assertThat(u.message()).contains("connection failed");
        });
    }
}
