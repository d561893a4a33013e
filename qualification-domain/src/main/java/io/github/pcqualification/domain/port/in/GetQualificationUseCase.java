package io.github.pcqualification.domain.port.in;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.outcome.GetOutcome;

/** Use case: read a customer's qualifications. */
public interface GetQualificationUseCase {

    GetOutcome get(CustomerId customer);
}
