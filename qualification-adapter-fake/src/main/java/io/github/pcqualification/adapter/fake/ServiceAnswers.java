package io.github.pcqualification.adapter.fake;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import java.util.Optional;

/**
 * The error answers of Partner Center, as the fake gives them: status, service code and description, which the
 * emulator's wire writer sends and the REST adapter reads back to the same {@link ErrorDetail}. No wire text is kept
 * here: an in-memory answer crossed no wire, so its {@code rawBody} is empty.
 *
 * <p>Where the docs name a service code (60003, 900126, 600006) the emulator sends an ApiFault; where they name none,
 * a bare JSON string (a shape the service is documented to use), so no code is invented.
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

    /** A 400 with no service code. */
    static ErrorDetail badRequest(String description) {
        return ErrorDetail.of(400, Optional.empty(), description);
    }

    /** {@code 401}: Partner Center's answer to a missing, expired or revoked token. */
    static ErrorDetail unauthorized() {
        return apiFault(401, "401", "Access denied: the access token is invalid or expired.");
    }

    static ErrorDetail throttled(long retryAfterSeconds) {
        return ErrorDetail.of(429, Optional.empty(),
                "Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.");
    }

    /** A 408 or 5xx, described by its reason phrase. */
    static ErrorDetail serverError(int status) {
        return ErrorDetail.of(status, Optional.empty(), reasonPhrase(status));
    }

    static ErrorDetail apiFault(int status, String code, String description) {
        return ErrorDetail.of(status, Optional.of(code), description);
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
