package io.github.pcqualification.domain.port.in;

import io.github.pcqualification.domain.outcome.CodesOutcome;

/** Use case: list the partner's validation codes (needed for GovernmentCommunityCloud). */
public interface ListValidationCodesUseCase {

    /**
     * Lists the partner's validation codes.
     *
     * @return {@link io.github.pcqualification.domain.outcome.CodesListed}, or a
     *     {@link io.github.pcqualification.domain.outcome.Failure} saying why not
     */
    CodesOutcome listValidationCodes();
}
