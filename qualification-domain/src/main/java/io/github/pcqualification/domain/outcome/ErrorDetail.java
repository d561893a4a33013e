package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about a failure: the HTTP status (absent when no answer came), the service's error
 * code and description where it sent them, and the raw body (truncated) so nothing is lost.
 */
public record ErrorDetail(OptionalInt httpStatus, Optional<String> serviceCode, String description, Optional<String> rawBody) {

    /** Bodies are kept up to this many characters. */
    public static final int MAX_RAW_BODY = 2048;

    public ErrorDetail {
        checkNotNull(httpStatus, "httpStatus");
        checkNotNull(serviceCode, "serviceCode");
        checkNotNull(description, "description");
        checkArgument(!description.isBlank(), "description must not be blank");
        checkNotNull(rawBody, "rawBody");
        rawBody = rawBody.map(ErrorDetail::truncate);
    }

    /** A failure with no HTTP answer (connection refused, timeout). */
    public static ErrorDetail withoutResponse(String description) {
        return new ErrorDetail(OptionalInt.empty(), Optional.empty(), description, Optional.empty());
    }

    /** A failure the service answered with {@code status}, code and description. */
    public static ErrorDetail of(int status, Optional<String> serviceCode, String description) {
        return new ErrorDetail(OptionalInt.of(status), serviceCode, description, Optional.empty());
    }

    /** Cuts at the limit, never between the two halves of a surrogate pair. */
    private static String truncate(String raw) {
        if (raw.length() <= MAX_RAW_BODY) {
            return raw;
        }
        int end = Character.isHighSurrogate(raw.charAt(MAX_RAW_BODY - 1)) ? MAX_RAW_BODY - 1 : MAX_RAW_BODY;
        return raw.substring(0, end) + "...";
    }

    /** One line for people: {@code HTTP 403 (code 20002): No relationship...}. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        httpStatus.ifPresent(s -> out.append("HTTP ").append(s));
        serviceCode.ifPresent(c -> out.append(out.length() > 0 ? " " : "").append("(code ").append(c).append(')'));
        if (out.length() > 0) {
            out.append(": ");
        }
        return out.append(description).toString();
    }
}
