package io.github.pcqualification.domain.port.in;

import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.UpdateOutcome;

/** Use case: give a customer a qualification, by the rules, idempotently. */
public interface UpdateQualificationUseCase {

    /**
     * Checks {@code request} against the request rules (refusing it with
     * {@link io.github.pcqualification.domain.outcome.InvalidRequest} before anything is sent), then
     * sends it. Asking for a qualification the customer already holds ends as
     * {@link io.github.pcqualification.domain.outcome.Unchanged}.
     */
    UpdateOutcome update(QualificationRequest request);
}
