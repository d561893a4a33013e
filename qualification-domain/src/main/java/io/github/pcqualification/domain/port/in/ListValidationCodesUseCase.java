package io.github.pcqualification.domain.port.in;

import io.github.pcqualification.domain.outcome.CodesOutcome;

/** Use case: list the partner's validation codes (needed for GovernmentCommunityCloud). */
public interface ListValidationCodesUseCase {

    CodesOutcome listValidationCodes();
}
