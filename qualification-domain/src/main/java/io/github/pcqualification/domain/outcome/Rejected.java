package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.rules.Rule;
import java.util.Optional;

/**
 * The service (or the fake, by the same rules) refused the operation: a final answer, never retried.
 * {@code rule} names the broken rule when it is known.
 *
 * @param error what the service answered
 * @param rule the broken rule, when it is known
 * @param context the ids of the operation
 */
public record Rejected(ErrorDetail error, Optional<Rule> rule, OperationContext context) implements Failure {

    /**
     * Checks the components.
     *
     * @param error what the service answered
     * @param rule the broken rule, or empty
     * @param context the ids of the operation
     * @throws NullPointerException if any component is null
     */
    public Rejected {
        checkNotNull(error, "error");
        checkNotNull(rule, "rule");
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
