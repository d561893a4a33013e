package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The request broke a rule that can be checked without the service; nothing was sent.
 *
 * @param violations every rule the request broke, at least one
 * @param context the ids of the operation (no request carried them)
 */
public record InvalidRequest(List<RuleViolation> violations, OperationContext context) implements Failure {

    /**
     * Keeps an immutable copy of the violations.
     *
     * @param violations every rule the request broke
     * @param context the ids of the operation
     * @throws NullPointerException if either, or any violation, is null
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public InvalidRequest {
        violations = ImmutableList.copyOf(violations);
        checkArgument(!violations.isEmpty(), "an invalid request names at least one violation");
        checkNotNull(context, "context");
    }

    /** The violations' messages, joined with {@code "; "}. */
    @Override
    public String message() {
        return violations.stream().map(RuleViolation::message).collect(Collectors.joining("; "));
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
        return invalid.apply(this);
    }
}
