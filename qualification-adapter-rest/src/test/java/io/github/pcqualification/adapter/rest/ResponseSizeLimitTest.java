package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Answers over the limit are refused as malformed, whether their length is declared or chunked. */
class ResponseSizeLimitTest extends MockServerTest {

    private static final int MIB = 1024 * 1024;

    private static String jsonStringOfLength(int bytes) {
        return "\"" + "a".repeat(bytes - 2) + "\"";
    }

    @Test
    void declaredLengthOverOneMebibyte_isRefused() {
        enqueueJson(200, jsonStringOfLength(MIB + 1));

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(200));
            assertThat(u.error().description()).contains("larger than 1048576 bytes");
        });
    }

    @Test
    void chunkedBodyOverTheLimit_isRefusedWhileReading() {
        server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(jsonStringOfLength(MIB + 10), 64 * 1024));

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().description()).contains("more bytes than that read");
        });
    }

    @Test
    void withHttpLoggingOn_theLoggerNeverReadsPastTheLimitEither() {
        server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(jsonStringOfLength(MIB + 10), 64 * 1024));
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        var outcome = adapter(b -> b.httpLogging(true).httpLogger(lines::add)).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
        assertThat(lines).noneMatch(l -> l.length() > MIB);
    }

    @Test
    void oversizedErrorBody_isRefusedToo_keepingTheStatus() {
        server.enqueue(new MockResponse().setResponseCode(500).setChunkedBody("x".repeat(5000), 1000));

        var outcome = adapter(b -> b.maxResponseBytes(4096)).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(500));
        });
    }

    @Test
    void bodyOfExactlyTheLimit_isRead() {
        enqueueJson(200, "\"education\"");

        var outcome = adapter(b -> b.maxResponseBytes("\"education\"".length())).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(io.github.pcqualification.domain.outcome.Found.class);
    }

    @Test
    void bodyOneByteOverTheLimit_isRefused() {
        server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody("\"education\"", 3));

        var outcome = adapter(b -> b.maxResponseBytes("\"education\"".length() - 1)).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void gzipBombs_areMeasuredAfterDecompression() throws Exception {
        Buffer gzipped = new Buffer();
        try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
            sink.writeUtf8(jsonStringOfLength(2 * MIB));
        }
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Encoding", "gzip").setBody(gzipped));

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void declaredLengthWithinTheLimit_isNeverReadPastWhatItDeclares() {
        server.enqueue(new MockResponse().setResponseCode(200)
                .setBody("\"education\"" + "x".repeat(64))
                .setHeader("Content-Length", "\"education\"".length()));

        var outcome = adapter(b -> b.maxResponseBytes("\"education\"".length())).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Found.class, found -> assertThat(found.qualifications())
                .containsExactly(CustomerQualification.of(Qualification.EDUCATION)));
    }

    @Test
    void chunkedBodyWithinTheLimit_isDecodedWithItsDeclaredCharset() {
        Buffer utf16 = new Buffer().writeString("\"\u00e9ducation\"", StandardCharsets.UTF_16BE);
        server.enqueue(new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json; charset=utf-16be")
                .setChunkedBody(utf16, 4));

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Found.class, found -> assertThat(found.qualifications())
                .containsExactly(CustomerQualification.of(new ReportedQualification.Unknown("\u00e9ducation"))));
    }
}
