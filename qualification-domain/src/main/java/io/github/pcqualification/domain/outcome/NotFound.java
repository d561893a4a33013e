package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import java.util.function.Function;

/**
 * The service does not know the customer (or the partner has no relationship that lets it see it).
 *
 * @param error what the service answered
 * @param context the ids of the operation
 */
public record NotFound(ErrorDetail error, OperationContext context) implements Failure {

    /**
     * Checks the components.
     *
     * @param error what the service answered
     * @param context the ids of the operation
     * @throws NullPointerException if either is null
     */
    public NotFound {
        checkNotNull(error, "error");
        checkNotNull(context, "context");
    }

    /** {@code not found: } followed by the error's {@linkplain ErrorDetail#summary() summary}. */
    @Override
    public String message() {
        return "not found: " + error.summary();
    }

    @Override
    public <R> R foldFailure(Function<? super InvalidRequest, ? extends R> invalid,
            Function<? super Rejected, ? extends R> rejected,
            Function<? super NotFound, ? extends R> notFound,
            Function<? super Unavailable, ? extends R> unavailable,
            Function<? super AuthenticationFailed, ? extends R> authenticationFailed) {
        checkNotNull(invalid, "invalid");
        checkNotNull(rejected, "rejected");
        checkNotNull(notFound, "notFound");
        checkNotNull(unavailable, "unavailable");
        checkNotNull(authenticationFailed, "authenticationFailed");
        return notFound.apply(this);
    }
}
