package io.github.pcqualification.adapter.fake;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The error answers of Partner Center, as the fake gives them: each {@link ErrorDetail} carries as
 * {@code rawBody} exactly the body the fake's HTTP server sends, so the fake and the REST adapter
 * talking to the served fake report the same status, code and description.
 *
 * <p>Where the docs name a service code (60003, 900126, 600006) the body is an ApiFault; where they
 * name none, it is a bare JSON string (a shape the service is documented to use), so no code is invented.
 */
final class ServiceAnswers {

    static final String TENANT_NOT_FOUND = "60003";
    static final String UNABLE_TO_PARSE = "900126";
    static final String ACTION_NOT_ALLOWED = "600006";

    private ServiceAnswers() {}

    static ErrorDetail tenantNotFound(CustomerId customer) {
        return apiFault(404, TENANT_NOT_FOUND, "Tenant not found: " + customer);
    }

    static ErrorDetail unableToParse(String description) {
        return apiFault(400, UNABLE_TO_PARSE, description);
    }

    static ErrorDetail actionNotAllowed(String description) {
        return apiFault(403, ACTION_NOT_ALLOWED, description);
    }

    /** A 400 whose body is a bare JSON string: the service names no code for these. */
    static ErrorDetail badRequest(String description) {
        return new ErrorDetail(OptionalInt.of(400), Optional.empty(), description, Optional.of(FakeJson.write(description)));
    }

    /** {@code 401}: Partner Center's answer to a missing, expired or revoked token. */
    static ErrorDetail unauthorized() {
        return apiFault(401, "401", "Access denied: the access token is invalid or expired.");
    }

    static ErrorDetail throttled(long retryAfterSeconds) {
        String message = "Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", 429);
        body.put("message", message);
        return new ErrorDetail(OptionalInt.of(429), Optional.empty(), message, Optional.of(FakeJson.write(body)));
    }

    /** A 408 or 5xx with no body, as gateways answer. */
    static ErrorDetail serverError(int status) {
        return new ErrorDetail(OptionalInt.of(status), Optional.empty(), reasonPhrase(status), Optional.empty());
    }

    static ErrorDetail apiFault(int status, String code, String description) {
        return new ErrorDetail(OptionalInt.of(status), Optional.of(code), description,
                Optional.of(FakeJson.apiFault(code, description)));
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 408 -> "Request Timeout";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server error " + status;
        };
    }
}
