package io.github.pcqualification.domain.port.in;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;

/** Use case: list the GCC validations linked to one customer (which validation codes qualified it). */
public interface ListCustomerValidationsUseCase {

    /**
     * Lists the validations linked to the customer.
     *
     * @param customer the customer to read
     * @return {@link io.github.pcqualification.domain.outcome.ValidationsListed} (empty for a customer never
     *     qualified with a validation code), or a {@link io.github.pcqualification.domain.outcome.Failure} saying why
     *     not
     */
    ValidationsOutcome listValidations(CustomerId customer);
}
