package io.github.pcqualification.domain.port.out;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.CodesOutcome;

/** Outbound port: the partner's validation codes ({@code GET /v1/customers/all/validations}). */
public interface ValidationCodePort {

    /** Lists the partner's validation codes; never throws for a remote failure. */
    CodesOutcome listValidationCodes(OperationContext context);
}
