package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;

/**
 * The service accepted the qualification. Through the synchronous API it is set; through the
 * asynchronous one it carries the vetting status (usually {@code InReview}).
 */
public record Updated(CustomerId customer, CustomerQualification qualification, OperationContext context)
        implements UpdateOutcome {

    public Updated {
        checkNotNull(customer, "customer");
        checkNotNull(qualification, "qualification");
        checkNotNull(context, "context");
    }
}
