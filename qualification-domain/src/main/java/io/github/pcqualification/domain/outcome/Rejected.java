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
}
