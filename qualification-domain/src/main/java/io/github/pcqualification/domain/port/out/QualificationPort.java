package io.github.pcqualification.domain.port.out;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;

/**
 * Outbound port: Partner Center's qualification endpoints, synchronous and asynchronous.
 *
 * <p>Implementations never throw for a remote failure: every failure is a
 * {@link io.github.pcqualification.domain.outcome.Failure} carrying {@code context}. They use
 * {@code context}'s ids for every request of the operation (retries included). Callers pass requests
 * that already met {@link io.github.pcqualification.domain.rules.RequestRules}; implementations never
 * return {@link io.github.pcqualification.domain.outcome.Unchanged} (the use case decides that).
 */
public interface QualificationPort {

    /**
     * Synchronous update ({@code PUT .../qualification}): Education, or GCC with a validation code.
     *
     * @param request a request that met the request rules for the synchronous API
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.Updated} or a failure
     */
    UpdateOutcome setQualification(QualificationRequest request, OperationContext context);

    /**
     * Asynchronous create ({@code POST .../qualifications}): answered with the vetting status.
     *
     * @param request a request that met the request rules for the asynchronous API
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.Updated} carrying the vetting, or a failure
     */
    UpdateOutcome requestQualification(QualificationRequest request, OperationContext context);

    /**
     * Synchronous read ({@code GET .../qualification}): exactly one value, possibly {@code None}.
     *
     * @param customer the customer to read
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.Found} with one qualification, or a failure
     */
    GetOutcome getQualification(CustomerId customer, OperationContext context);

    /**
     * Asynchronous read ({@code GET .../qualifications}): every qualification with its vetting.
     *
     * @param customer the customer to read
     * @param context the ids to send with every request of this operation
     * @return {@link io.github.pcqualification.domain.outcome.Found} with every qualification, or a failure
     */
    GetOutcome getQualifications(CustomerId customer, OperationContext context);
}
