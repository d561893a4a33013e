package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unavailable.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one translation table: transport failures, HTTP statuses, service error bodies and unreadable
 * answers become the domain's {@link Failure} variants. Never throws for anything the remote side sent.
 *
 * <table>
 *   <caption>status to outcome</caption>
 *   <tr><td>404</td><td>{@link NotFound}</td></tr>
 *   <tr><td>408, 500, 502, 503, 504</td><td>{@link Unavailable} {@code SERVER_ERROR} (transient)</td></tr>
 *   <tr><td>any other 5xx</td><td>{@link Unavailable} {@code PERMANENT_SERVER_ERROR}</td></tr>
 *   <tr><td>429</td><td>{@link Unavailable} {@code THROTTLED}, with {@code Retry-After}</td></tr>
 *   <tr><td>400, 403, 409</td><td>{@link Rejected} {@code REQUEST_REFUSED}</td></tr>
 *   <tr><td>any other 4xx</td><td>{@link Rejected} {@code NOT_ACCEPTED} (a {@code 401} is the adapter's to
 *   handle first: it renews the token once)</td></tr>
 *   <tr><td>1xx, 3xx, or a 2xx that cannot be read</td><td>{@link Unavailable} {@code MALFORMED_RESPONSE}</td></tr>
 *   <tr><td>timeouts</td><td>{@link Unavailable} {@code TIMED_OUT}</td></tr>
 *   <tr><td>other I/O failures (refused, reset, cut off)</td><td>{@link Unavailable} {@code CONNECTION_FAILED}</td></tr>
 *   <tr><td>a body over the size limit</td><td>{@link Unavailable} {@code MALFORMED_RESPONSE}</td></tr>
 * </table>
 *
 * <p>Every translation says {@code attempts = 1}; the adapter and the retrying decorator set the real count. This is
 * the only place that reads an HTTP status of an answer; nothing above the adapter does.
 */
final class ErrorTranslation {

    /** The statuses of a server failure worth another attempt (429, throttling, is its own row). */
    static final Set<Integer> TRANSIENT_STATUSES = ImmutableSet.of(408, 500, 502, 503, 504);

    /** The refusals that are a verdict on the request itself (the customer may already hold the value). */
    static final Set<Integer> REFUSALS = ImmutableSet.of(400, 403, 409);

    /** Descriptions for answers that carry none of their own. */
    private static final Map<Integer, String> DEFAULT_DESCRIPTIONS = ImmutableMap.<Integer, String>builder()
            .put(400, "bad request")
            .put(401, "access denied: the token was refused")
            .put(403, "forbidden: the partner may not do this for this customer")
            .put(404, "not found")
            .put(405, "method not allowed")
            .put(406, "not acceptable")
            .put(408, "request timeout")
            .put(409, "conflict")
            .put(412, "precondition failed")
            .put(429, "throttled: too many requests")
            .put(500, "internal server error")
            .put(501, "not implemented")
            .put(502, "bad gateway")
            .put(503, "service unavailable")
            .put(504, "gateway timeout")
            .buildOrThrow();


    /** Service descriptions are kept up to this many characters. */
    static final int MAX_DESCRIPTION = 500;

    private final Clock clock;
    private final WireFormat wire;

    ErrorTranslation(Clock clock, WireFormat wire) {
        this.clock = checkNotNull(clock, "clock");
        this.wire = checkNotNull(wire, "wire");
    }

    /** A non-2xx answer. */
    Failure fromStatus(int status, @Nullable String retryAfterHeader, String body, OperationContext context) {
        return fromStatus(status, retryAfterHeader, body, context, Redaction.of(List.of()));
    }

    /** A non-2xx answer, with {@code redaction} applied to the body and again to each text decoded from it. */
    Failure fromStatus(int status, @Nullable String retryAfterHeader, String body, OperationContext context,
            Redaction redaction) {
        ErrorDetail detail = detail(status, redaction.apply(body), redaction);
        if (status == 404) {
            return new NotFound(detail, context);
        }
        if (status == 429) {
            return new Unavailable(Reason.THROTTLED, detail, RetryAfter.parse(retryAfterHeader, clock.instant()), 1, context);
        }
        if (TRANSIENT_STATUSES.contains(status)) {
            return new Unavailable(Reason.SERVER_ERROR, detail, RetryAfter.parse(retryAfterHeader, clock.instant()), 1, context);
        }
        if (status >= 500 && status <= 599) {
            return new Unavailable(Reason.PERMANENT_SERVER_ERROR, detail,
                    RetryAfter.parse(retryAfterHeader, clock.instant()), 1, context);
        }
        if (status >= 400 && status <= 499) {
            return new Rejected(detail, REFUSALS.contains(status) ? Rejected.Reason.REQUEST_REFUSED
                    : Rejected.Reason.NOT_ACCEPTED, context);
        }
        return malformed(status, body, "unexpected HTTP status " + status, context, redaction);
    }

    /** No (complete) answer: the request or the response broke off, timed out, or was too large. */
    Failure fromTransport(IOException e, OperationContext context) {
        if (e instanceof ResponseTooLargeException tooLarge) {
            return new Unavailable(Reason.MALFORMED_RESPONSE,
                    new ErrorDetail(OptionalInt.of(tooLarge.status()), Optional.empty(),
                            "response refused: " + tooLarge.getMessage(), Optional.empty()),
                    Optional.empty(), 1, context);
        }
        Reason reason = e instanceof InterruptedIOException ? Reason.TIMED_OUT : Reason.CONNECTION_FAILED;
        String what = reason == Reason.TIMED_OUT ? "timed out" : "connection failed";
        String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Unavailable(reason, ErrorDetail.withoutResponse(what + " (" + clip(cause) + ")"),
                Optional.empty(), 1, context);
    }

    /** A 2xx (or otherwise unexpected) answer this operation cannot read. */
    Failure malformed(int status, String body, String expectation, OperationContext context) {
        return malformed(status, body, expectation, context, Redaction.of(List.of()));
    }

    /** As above, with {@code redaction} applied to the body kept. */
    Failure malformed(int status, String body, String expectation, OperationContext context, Redaction redaction) {
        return new Unavailable(Reason.MALFORMED_RESPONSE,
                new ErrorDetail(OptionalInt.of(status), Optional.empty(), "unreadable answer: " + expectation,
                        raw(redaction.apply(body))),
                Optional.empty(), 1, context);
    }

    /** What an error body says: ApiFault, bare JSON string, the throttling body, HTML or nothing. */
    ErrorDetail detail(int status, String body) {
        return detail(status, body, Redaction.of(List.of()));
    }

    /** As above; the description and the code are redacted after decoding, in the form the user will see. */
    ErrorDetail detail(int status, String body, Redaction redaction) {
        WireFormat.ServiceError error = wire.parseError(body);
        String description = error.description().map(redaction::apply).map(ErrorTranslation::clip)
                .filter(d -> !d.isBlank()).orElseGet(() -> defaultDescription(status));
        Optional<String> code = error.code().map(redaction::apply).map(ErrorTranslation::clip).filter(c -> !c.isBlank());
        return new ErrorDetail(OptionalInt.of(status), code, description, raw(body));
    }

    static String defaultDescription(int status) {
        return DEFAULT_DESCRIPTIONS.getOrDefault(status, "HTTP status " + status);
    }

    private static Optional<String> raw(String body) {
        return body.isEmpty() ? Optional.empty() : Optional.of(body);
    }

    /** One line: line breaks, tabs and every other control character (escape sequences too) become a space. */
    private static String clip(String text) {
        return io.github.pcqualification.domain.model.Printable.oneLine(text, MAX_DESCRIPTION);
    }

}
