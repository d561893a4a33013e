package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.Printable;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about a failure: the HTTP status (absent when no answer came), the service's error
 * code and description where it sent them, and the raw body (truncated) so nothing is lost.
 *
 * @param httpStatus the HTTP status of the answer; empty when no answer came
 * @param serviceCode the service's own error code, if its body had one
 * @param description what went wrong, for people
 * @param rawBody the answer's body, cut to {@link #MAX_RAW_BODY} characters, if there was one
 */
public record ErrorDetail(OptionalInt httpStatus, Optional<String> serviceCode, String description, Optional<String> rawBody) {

    /** Bodies are kept up to this many characters. */
    public static final int MAX_RAW_BODY = 2048;

    /**
     * Checks the components and cuts a long body.
     *
     * @param httpStatus the HTTP status, or empty
     * @param serviceCode the service's error code, or empty
     * @param description what went wrong; not blank
     * @param rawBody the answer's body, or empty; kept up to {@link #MAX_RAW_BODY} characters followed by
     *     {@code ...}
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if {@code description} is blank
     */
    public ErrorDetail {
        checkNotNull(httpStatus, "httpStatus");
        checkNotNull(serviceCode, "serviceCode");
        checkNotNull(description, "description");
        checkArgument(!description.isBlank(), "description must not be blank");
        checkNotNull(rawBody, "rawBody");
        rawBody = rawBody.map(body -> Printable.cut(body, MAX_RAW_BODY));
    }

    /**
     * A failure with no HTTP answer (connection refused, timeout).
     *
     * @param description what went wrong; not blank
     * @return the detail, with no status, code or body
     */
    public static ErrorDetail withoutResponse(String description) {
        return new ErrorDetail(OptionalInt.empty(), Optional.empty(), description, Optional.empty());
    }

    /**
     * A failure the service answered with {@code status}, code and description.
     *
     * @param status the HTTP status of the answer
     * @param serviceCode the service's error code, or empty
     * @param description what went wrong; not blank
     * @return the detail, without a body
     */
    public static ErrorDetail of(int status, Optional<String> serviceCode, String description) {
        return new ErrorDetail(OptionalInt.of(status), serviceCode, description, Optional.empty());
    }

    /**
     * One line for people.
     *
     * @return e.g. {@code HTTP 403 (code 20002): No relationship...}; just the description when neither
     *     status nor code is known
     */
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
