package io.github.pcqualification.domain.port.in;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.outcome.GetOutcome;

/** Use case: read a customer's qualifications. */
public interface GetQualificationUseCase {

    /**
     * Reads what the customer holds, through the configured API.
     *
     * @param customer the customer to read
     * @return {@link io.github.pcqualification.domain.outcome.Found}, or a
     *     {@link io.github.pcqualification.domain.outcome.Failure} saying why not
     */
    GetOutcome get(CustomerId customer);
}
