package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;

/** The service does not know the customer (or the partner has no relationship that lets it see it). */
public record NotFound(ErrorDetail error, OperationContext context) implements Failure {

    public NotFound {
        checkNotNull(error, "error");
        checkNotNull(context, "context");
    }

    @Override
    public String message() {
        return "not found: " + error.summary();
    }
}
