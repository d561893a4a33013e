package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import java.util.List;
import java.util.function.Function;

/**
 * The GCC validations linked to a customer, in the order the service listed them; none for a customer never
 * qualified with a validation code.
 *
 * @param customer the customer read
 * @param validations the linked validations, possibly none
 * @param context the ids of the operation
 */
public record ValidationsListed(CustomerId customer, List<CustomerValidation> validations, OperationContext context)
        implements ValidationsOutcome {

    /**
     * Keeps an immutable copy of the validations.
     *
     * @param customer the customer read
     * @param validations the linked validations, possibly none
     * @param context the ids of the operation
     * @throws NullPointerException if any component, or any validation, is null
     */
    public ValidationsListed {
        checkNotNull(customer, "customer");
        validations = ImmutableList.copyOf(validations);
        checkNotNull(context, "context");
    }

    @Override
    public <R> R foldValidations(Function<? super ValidationsListed, ? extends R> listed,
            Function<? super Failure, ? extends R> failed) {
        checkNotNull(listed, "listed");
        checkNotNull(failed, "failed");
        return listed.apply(this);
    }
}
