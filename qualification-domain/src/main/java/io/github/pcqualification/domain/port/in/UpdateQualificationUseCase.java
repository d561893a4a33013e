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
     *
     * @param request the customer and the qualification to give it, with any code, segment or website
     * @return {@link io.github.pcqualification.domain.outcome.Updated},
     *     {@link io.github.pcqualification.domain.outcome.Unchanged}, or a
     *     {@link io.github.pcqualification.domain.outcome.Failure} saying why not
     */
    UpdateOutcome update(QualificationRequest request);
}
