package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The REST adapter's transport and text helpers at their edges, without the adapter around them: the size limit
 * at exactly its bytes, Retry-After's nine digits, redaction of short, nested and blank tokens, the error detail's
 * code and length, transport failures' wording, and the wire format's unknown fields, nulls and numbers.
 */
class TransportAndTextEdgesTest {

    @Nested
    class SizeLimit {

        private MockWebServer server;
        private OkHttpClient client;

        @BeforeEach
        void start() throws IOException {
            server = new MockWebServer();
            server.start(InetAddress.getLoopbackAddress(), 0);
            client = new OkHttpClient.Builder().addInterceptor(new ResponseSizeLimit(10)).build();
        }

        @AfterEach
        void stop() throws IOException {
            server.shutdown();
        }

        private String fetch() throws IOException {
            try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
                return response.body().string();
            }
        }

        @Test
        void aLimitMustBePositive() {
            assertThat(new ResponseSizeLimit(1)).isNotNull();
            assertThatThrownBy(() -> new ResponseSizeLimit(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxBytes must be positive");
        }

        @Test
        void aDeclaredLengthOfExactlyTheLimit_isRead_oneMoreIsRefused() throws IOException {
            server.enqueue(new MockResponse().setBody("0123456789"));
            server.enqueue(new MockResponse().setBody("0123456789A"));

            assertThat(fetch()).isEqualTo("0123456789");
            assertThatThrownBy(this::fetch).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessage("response body larger than 10 bytes (Content-Length 11)");
        }

        @Test
        void aChunkedBodyOfExactlyTheLimit_isRead_oneMoreIsRefused() throws IOException {
            server.enqueue(new MockResponse().setChunkedBody("0123456789", 3));
            server.enqueue(new MockResponse().setChunkedBody("0123456789A", 3));

            assertThat(fetch()).isEqualTo("0123456789");
            assertThatThrownBy(this::fetch).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessage("response body larger than 10 bytes (more bytes than that read)");
        }
    }

    @Test
    void retryAfter_ofNineDigits_isTakenAsWritten_tenAreClamped() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        assertThat(RetryAfter.parse("123456789", now)).hasValue(Duration.ofSeconds(123_456_789));
        assertThat(RetryAfter.parse("1234567890", now)).hasValue(Duration.ofSeconds(RetryAfter.MAX_SECONDS));
    }

    @Test
    void redaction_ofATokenOfEightCharacters_cutsItEvenInsideAWord() {
        assertThat(Redaction.of(List.of("abcdefgh")).apply("xxabcdefghxx")).isEqualTo("xx<redacted>xx");
        assertThat(Redaction.of(List.of("abcdefg")).apply("xxabcdefgxx abcdefg")).isEqualTo("xxabcdefgxx <redacted>");
    }

    @Test
    void redaction_cutsTheLongerOfTwoNestedTokensWhole() {
        Redaction redaction = Redaction.of(List.of("abcdefgh", "abcdefghijkl"));

        assertThat(redaction.apply("x abcdefghijkl y")).isEqualTo("x <redacted> y");
    }

    @Test
    void redaction_ignoresBlankAndNullTokens() {
        List<String> tokens = new java.util.ArrayList<>(List.of(" ", "", "token-123456"));
        tokens.add(null);

        assertThat(Redaction.of(tokens).apply("a b token-123456")).isEqualTo("a b <redacted>");
    }

    private static final ErrorTranslation TRANSLATION = new ErrorTranslation(Clock.systemUTC(), new WireFormat());

    @Test
    void anErrorDescriptionOfTheLongestLength_isKeptWhole_oneMoreIsCut() {
        String longest = "d".repeat(ErrorTranslation.MAX_DESCRIPTION);

        assertThat(TRANSLATION.detail(400, "{\"description\":\"" + longest + "\"}").description()).isEqualTo(longest);
        assertThat(TRANSLATION.detail(400, "{\"description\":\"" + longest + "d\"}").description())
                .isEqualTo(longest + "...");
    }

    @Test
    void aBlankErrorCode_isNoCode_andABlankDescriptionIsTheStatusDefault() {
        ErrorDetail detail = TRANSLATION.detail(418, "{\"code\":\" \",\"description\":\" \"}");

        assertThat(detail.serviceCode()).isEmpty();
        assertThat(detail.description()).isEqualTo(ErrorTranslation.defaultDescription(418));
        assertThat(detail.httpStatus()).isEqualTo(OptionalInt.of(418));
    }

    @Test
    void numericErrorCodes_areWholeNumbersUpTo1e15_elseAsJavaWritesThem() {
        assertThat(TRANSLATION.detail(400, "{\"code\":600006}").serviceCode()).hasValue("600006");
        assertThat(TRANSLATION.detail(400, "{\"code\":1.5}").serviceCode()).hasValue("1.5");
        assertThat(TRANSLATION.detail(400, "{\"code\":1e15}").serviceCode()).hasValue("1.0E15");
        assertThat(TRANSLATION.detail(400, "{\"code\":999999999999999}").serviceCode()).hasValue("999999999999999");
    }

    @Test
    void anErrorBodyWithTrailingJson_saysNothing() {
        ErrorDetail detail = TRANSLATION.detail(400, "{\"code\":1,\"description\":\"first\"} {\"code\":2}");

        assertThat(detail.serviceCode()).isEmpty();
        assertThat(detail.description()).isEqualTo(ErrorTranslation.defaultDescription(400));
    }

    @Test
    void aTransportFailure_namesItsTypeAndMessage_orItsTypeAlone() {
        OperationContext context = OperationContext.newOperation();

        Failure withMessage = TRANSLATION.fromTransport(new IOException("reset by peer"), context);
        Failure without = TRANSLATION.fromTransport(new IOException(), context);
        Failure timeout = TRANSLATION.fromTransport(new InterruptedIOException("read"), context);

        assertThat(((Unavailable) withMessage).error().description()).isEqualTo("connection failed (IOException: reset by peer)");
        assertThat(((Unavailable) without).error().description()).isEqualTo("connection failed (IOException)");
        assertThat(((Unavailable) timeout).error().description()).isEqualTo("timed out (InterruptedIOException: read)");
        assertThat(((Unavailable) withMessage).isTransient()).isTrue();
    }

    @Test
    void anUnreadableAnswer_isNeverTransient_evenWithATransientStatus() {
        Unavailable malformed = new Unavailable(Unavailable.Reason.MALFORMED_RESPONSE,
                new ErrorDetail(OptionalInt.of(503), Optional.empty(), "unreadable", Optional.empty()), Optional.empty(),
                1, OperationContext.newOperation());

        assertThat(malformed.isTransient()).isFalse();
    }

    private static final WireFormat WIRE = new WireFormat();

    @Test
    void codes_unknownFieldsAreSkipped_andANullOrganisationIsNone() {
        var codes = WIRE.parseCodes("[{\"validationId\":\"ABC-1\",\"extra\":{\"nested\":[1,2]},\"organizationName\":null,"
                + "\"maxCreates\":2,\"more\":\"x\"}]");

        assertThat(codes).hasValueSatisfying(list -> {
            assertThat(list).hasSize(1);
            assertThat(list.get(0).code().value()).isEqualTo("ABC-1");
            assertThat(list.get(0).organizationName()).isEmpty();
            assertThat(list.get(0).maxCreates()).isEqualTo(OptionalInt.of(2));
        });
    }

    @Test
    void aBlankVettingStatus_isNoVetting_andABlankReasonIsNoReason() {
        var blankStatus = WIRE.parseQualifications("[{\"qualification\":\"Education\",\"vettingStatus\":\" \"}]");
        var blankReason = WIRE.parseQualifications("[{\"qualification\":\"Education\",\"vettingStatus\":\"Denied\","
                + "\"vettingReason\":\" \"}]");

        assertThat(blankStatus).hasValueSatisfying(list -> assertThat(list.get(0).vetting()).isEmpty());
        assertThat(blankReason).hasValueSatisfying(list -> assertThat(list.get(0).vetting())
                .hasValueSatisfying(v -> assertThat(v.reason()).isEmpty()));
    }
}
