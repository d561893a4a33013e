package io.github.pcqualification.domain.port.out;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.CodesOutcome;

/** Outbound port: the partner's validation codes ({@code GET /v1/customers/all/validations}). */
public interface ValidationCodePort {

    /**
     * Lists the partner's validation codes; never throws for a remote failure.
     *
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.CodesListed} or a failure
     */
    CodesOutcome listValidationCodes(OperationContext context);
}
