package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;

/** The customer already held the requested qualification: an idempotent success, nothing changed. */
public record Unchanged(CustomerId customer, CustomerQualification qualification, OperationContext context)
        implements UpdateOutcome {

    public Unchanged {
        checkNotNull(customer, "customer");
        checkNotNull(qualification, "qualification");
        checkNotNull(context, "context");
    }
}
