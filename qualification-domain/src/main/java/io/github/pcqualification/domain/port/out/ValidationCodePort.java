package io.github.pcqualification.domain.port.out;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;

/**
 * Outbound port: validation codes, the partner's ({@code GET /v1/customers/all/validations}) and those linked to one
 * customer ({@code GET /v1/customers/{customerId}/validations}).
 */
public interface ValidationCodePort {

    /**
     * Lists the partner's validation codes; never throws for a remote failure.
     *
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.CodesListed} or a failure
     */
    CodesOutcome listValidationCodes(OperationContext context);

    /**
     * Lists the GCC validations linked to {@code customer}, in the service's order; never throws for a remote failure.
     *
     * @param customer the customer to read
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.ValidationsListed} (possibly empty) or a failure, such
     *     as {@link io.github.pcqualification.domain.outcome.NotFound} for a customer the service does not know
     */
    ValidationsOutcome listValidations(CustomerId customer, OperationContext context);
}
