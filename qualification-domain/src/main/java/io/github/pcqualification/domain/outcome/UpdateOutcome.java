package io.github.pcqualification.domain.outcome;

/** The outcome of giving a customer a qualification: {@link Updated}, {@link Unchanged} or a {@link Failure}. */
public sealed interface UpdateOutcome extends Outcome permits Updated, Unchanged, Failure {}
