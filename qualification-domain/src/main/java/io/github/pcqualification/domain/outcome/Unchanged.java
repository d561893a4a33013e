package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import java.util.function.Function;

/**
 * The customer already held the requested qualification: an idempotent success, nothing changed.
 *
 * @param customer the customer
 * @param qualification the qualification it holds, as read back from the service
 * @param context the ids of the operation
 */
public record Unchanged(CustomerId customer, CustomerQualification qualification, OperationContext context)
        implements UpdateOutcome {

    /**
     * Checks the components.
     *
     * @param customer the customer
     * @param qualification the qualification it holds
     * @param context the ids of the operation
     * @throws NullPointerException if any component is null
     */
    public Unchanged {
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
        return unchanged.apply(this);
    }
}
