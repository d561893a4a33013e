package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;

/**
 * The service accepted the qualification. Through the synchronous API it is set; through the
 * asynchronous one it carries the vetting status (usually {@code InReview}).
 *
 * @param customer the customer
 * @param qualification the qualification the service answered with, with its vetting if any
 * @param context the ids of the operation
 */
public record Updated(CustomerId customer, CustomerQualification qualification, OperationContext context)
        implements UpdateOutcome {

    /**
     * Checks the components.
     *
     * @param customer the customer
     * @param qualification the qualification the service answered with
     * @param context the ids of the operation
     * @throws NullPointerException if any component is null
     */
    public Updated {
        checkNotNull(customer, "customer");
        checkNotNull(qualification, "qualification");
        checkNotNull(context, "context");
    }
}
