package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable.Reason;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.testing.SeededStrings;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz: {@link ErrorTranslation} over 10,000+ seeded answers (any status, any {@code Retry-After}, any
 * body) and transport failures. Every one becomes the {@link Failure} the translation table names, with
 * a non-blank one-line description, the service's code where it sent one, and a bounded raw body.
 */
class ErrorTranslationFuzzTest extends MockServerTest {

    private static final int INPUTS = 10_500;
    private static final String[] RETRY_AFTERS = {null, "", "0", "1", "57", "3600", "-1", "1.5", "99999999999999999999999",
        "Wed, 21 Oct 2015 07:28:00 GMT", "Mon, 02 Mar 2026 10:00:30 GMT", "Sun, 31 Dec 9999 23:59:59 GMT", "soon",
        " 30 ", "\u0661\u0662", "30\r\nX-Injected: 1"};

    @Test
    void everyAnswer_becomesTheFailureTheTableNames() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 5);
        ErrorTranslation translation = new ErrorTranslation(clock, new WireFormat());

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < INPUTS; i++) {
                Random r = gen.random();
                int status = status(r);
                String retryAfter = r.nextInt(4) == 0 ? gen.mutate("120") : RETRY_AFTERS[r.nextInt(RETRY_AFTERS.length)];
                WireFormatFuzzTest.Doc doc = WireFormatFuzzTest.ErrorBodies.doc(gen, r);
                String body = switch (i % 3) {
                    case 0 -> doc.body();
                    case 1 -> gen.mutate(doc.body());
                    default -> gen.junk();
                };
                String where = "seed " + SeededStrings.SEED + ", input #" + i + ": status " + status + ", Retry-After "
                        + (retryAfter == null ? "none" : SeededStrings.show(retryAfter)) + ", body " + SeededStrings.show(body);
                Failure failure;
                try {
                    failure = translation.fromStatus(status, retryAfter, body, CONTEXT);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("unexpected " + e + ", " + where, e);
                }
                checkTable(status, failure, where);
                checkDetail(detail(failure), where);
                if (i % 3 == 0 && status >= 400 && status <= 599) {
                    WireFormat.ServiceError said = (WireFormat.ServiceError) doc.expected();
                    assertThat(detail(failure).serviceCode()).as(where).isEqualTo(said.code());
                }
            }
        }, "fuzz batch hung, seed " + SeededStrings.SEED);
    }

    @Test
    void everyTransportFailure_isUnavailable_withAOneLineDescription() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 6);
        ErrorTranslation translation = new ErrorTranslation(clock, new WireFormat());

        for (int i = 0; i < 2_000; i++) {
            String message = i % 5 == 0 ? null : gen.junk();
            IOException e = switch (i % 4) {
                case 0 -> new SocketTimeoutException(message);
                case 1 -> new ConnectException(message);
                case 2 -> new EOFException(message);
                default -> new InterruptedIOException(message);
            };

            Failure failure = translation.fromTransport(e, CONTEXT);

            String where = "seed " + SeededStrings.SEED + ", #" + i + ": " + e.getClass().getSimpleName() + " "
                    + (message == null ? "null" : SeededStrings.show(message));
            assertThat(failure).as(where).isInstanceOfSatisfying(Unavailable.class, u -> assertThat(u.reason())
                    .isEqualTo(e instanceof InterruptedIOException ? Reason.TIMED_OUT : Reason.CONNECTION_FAILED));
            checkDetail(detail(failure), where);
        }
    }

    @Test
    void aDescriptionOfControlCharactersOnly_fallsBackToTheDefault_andEscapesBecomeSpaces() {
        ErrorTranslation translation = new ErrorTranslation(clock, new WireFormat());

        Failure onlyControls = translation.fromStatus(400, null, "{\"description\":\"\\u0001\\u001b\\u0085\"}", CONTEXT);
        Failure escapes = translation.fromStatus(403, null,
                "{\"code\":7,\"description\":\"No \\u001b[31mrelationship\\u000b\\u2028here\"}", CONTEXT);

        assertThat(detail(onlyControls).description()).isEqualTo("bad request");
        assertThat(detail(escapes).description()).isEqualTo("No  [31mrelationship here");
    }

    private static int status(Random r) {
        int[] common = {400, 401, 403, 404, 405, 408, 409, 412, 429, 500, 501, 502, 503, 504};
        return switch (r.nextInt(3)) {
            case 0 -> common[r.nextInt(common.length)];
            case 1 -> 100 + r.nextInt(900);
            default -> 400 + r.nextInt(200);
        };
    }

    private static void checkTable(int status, Failure failure, String where) {
        if (status == 404) {
            assertThat(failure).as(where).isInstanceOf(NotFound.class);
        } else if (status == 429) {
            assertThat(failure).as(where).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.THROTTLED));
        } else if (status == 408 || status == 500 || status == 502 || status == 503 || status == 504) {
            assertThat(failure).as(where).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.SERVER_ERROR));
        } else if (status >= 500 && status <= 599) {
            assertThat(failure).as(where).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.PERMANENT_SERVER_ERROR));
        } else if (status >= 400 && status <= 499) {
            assertThat(failure).as(where).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason())
                    .isEqualTo(status == 400 || status == 403 || status == 409 ? Rejected.Reason.REQUEST_REFUSED
                            : Rejected.Reason.NOT_ACCEPTED));
        } else {
            assertThat(failure).as(where).isInstanceOfSatisfying(Unavailable.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
        }
        if (failure instanceof Unavailable u) {
            assertThat(u.attempts()).as(where).isEqualTo(1);
            u.retryAfter().ifPresent(d -> assertThat(d.isNegative()).as("negative Retry-After, " + where).isFalse());
        }
        assertThat(detail(failure).httpStatus()).as(where).isEqualTo(OptionalInt.of(status));
        assertThat(failure.message()).as(where).isNotBlank();
    }

    /** Non-blank, one line (no line break or other control character), bounded; the raw body bounded too. */
    static void checkDetail(ErrorDetail detail, String where) {
        assertThat(detail.description()).as("description, " + where).isNotBlank()
                .hasSizeLessThanOrEqualTo(ErrorTranslation.MAX_DESCRIPTION + 3 + 200)
                .doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]");
        detail.serviceCode().ifPresent(c -> assertThat(c).as("service code, " + where).isNotBlank());
        detail.rawBody().ifPresent(b -> assertThat(b).as("raw body, " + where).hasSizeLessThanOrEqualTo(ErrorDetail.MAX_RAW_BODY + 3));
        assertThat(detail.summary()).as("summary, " + where).doesNotContain("\n", "\r");
    }

    private static ErrorDetail detail(Failure failure) {
        if (failure instanceof Rejected r) {
            return r.error();
        }
        if (failure instanceof NotFound n) {
            return n.error();
        }
        return ((Unavailable) failure).error();
    }
}
