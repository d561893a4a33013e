package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.List;
import java.util.stream.Collectors;

/** The request broke a rule that can be checked without the service; nothing was sent. */
public record InvalidRequest(List<RuleViolation> violations, OperationContext context) implements Failure {

    public InvalidRequest {
        violations = ImmutableList.copyOf(violations);
        checkArgument(!violations.isEmpty(), "an invalid request names at least one violation");
        checkNotNull(context, "context");
    }

    @Override
    public String message() {
        return violations.stream().map(RuleViolation::message).collect(Collectors.joining("; "));
    }
}
