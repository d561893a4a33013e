package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;

/**
 * The service (or the fake, by the same rules) refused the operation: a final answer, never retried.
 * {@code reason} says whether the service read the request and refused it, or would not take it as sent; the
 * adapter that heard the answer decides, once, at its edge.
 *
 * @param error what the service answered
 * @param reason what kind of refusal it was
 * @param context the ids of the operation
 */
public record Rejected(ErrorDetail error, Reason reason, OperationContext context) implements Failure {

    /** What kind of refusal: a verdict on this request, or a request the service would not take as sent. */
    public enum Reason {
        /**
         * The service read the request and refused it (over REST: {@code 400}, {@code 403} or {@code 409}): a rule,
         * the partner's rights, or the customer's state. The customer may already hold what was asked, so an update
         * reads it once more before it reports this.
         */
        REQUEST_REFUSED,
        /**
         * The service would not take the request as sent (over REST: {@code 405}, {@code 406}, {@code 412} or
         * another {@code 4xx}): a protocol or contract mismatch, not a verdict on the customer.
         */
        NOT_ACCEPTED
    }

    /**
     * Checks the components.
     *
     * @param error what the service answered
     * @param reason what kind of refusal it was
     * @param context the ids of the operation
     * @throws NullPointerException if any component is null
     */
    public Rejected {
        checkNotNull(error, "error");
        checkNotNull(reason, "reason");
        checkNotNull(context, "context");
    }

    /** {@code rejected: } followed by the error's {@linkplain ErrorDetail#summary() summary}. */
    @Override
    public String message() {
        return "rejected: " + error.summary();
    }

    @Override
    public <R> R foldFailure(java.util.function.Function<? super InvalidRequest, ? extends R> invalid,
            java.util.function.Function<? super Rejected, ? extends R> rejected,
            java.util.function.Function<? super NotFound, ? extends R> notFound,
            java.util.function.Function<? super Unavailable, ? extends R> unavailable,
            java.util.function.Function<? super AuthenticationFailed, ? extends R> authenticationFailed) {
        checkNotNull(invalid, "invalid");
        checkNotNull(rejected, "rejected");
        checkNotNull(notFound, "notFound");
        checkNotNull(unavailable, "unavailable");
        checkNotNull(authenticationFailed, "authenticationFailed");
        return rejected.apply(this);
    }
}
