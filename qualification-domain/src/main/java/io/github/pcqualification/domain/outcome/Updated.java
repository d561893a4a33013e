package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import java.util.function.Function;

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

    @Override
    public <R> R foldUpdate(Function<? super Updated, ? extends R> updated,
            Function<? super Unchanged, ? extends R> unchanged, Function<? super Failure, ? extends R> failed) {
        checkNotNull(updated, "updated");
        checkNotNull(unchanged, "unchanged");
        checkNotNull(failed, "failed");
        return updated.apply(this);
    }
}
