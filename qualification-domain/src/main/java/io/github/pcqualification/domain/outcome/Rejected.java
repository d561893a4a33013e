package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.rules.Rule;
import java.util.Optional;

/**
 * The service (or the fake, by the same rules) refused the operation: a final answer, never retried.
 * {@code rule} names the broken rule when it is known.
 */
public record Rejected(ErrorDetail error, Optional<Rule> rule, OperationContext context) implements Failure {

    public Rejected {
        checkNotNull(error, "error");
        checkNotNull(rule, "rule");
        checkNotNull(context, "context");
    }

    @Override
    public String message() {
        return "rejected: " + error.summary();
    }
}
