package io.github.pcqualification.adapter.rest;

import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;

/**
 * The outcome family of an operation: a failure is an outcome of every family, but Java cannot say "a supertype of
 * {@code Failure}" in a type variable, so each family names its one widening here, once, instead of at each call.
 *
 * @param <O> the family's outcome type
 */
@FunctionalInterface
interface OutcomeFamily<O extends Outcome> {

    /** Updates. */
    OutcomeFamily<UpdateOutcome> UPDATE = failure -> failure;
    /** Reads of a customer's qualifications. */
    OutcomeFamily<GetOutcome> GET = failure -> failure;
    /** The partner's validation codes. */
    OutcomeFamily<CodesOutcome> CODES = failure -> failure;
    /** A customer's linked validations. */
    OutcomeFamily<ValidationsOutcome> VALIDATIONS = failure -> failure;

    /** The failure as this family's outcome. */
    O of(Failure failure);
}
