package io.github.pcqualification.domain.outcome;

/** The outcome of reading a customer's qualifications: {@link Found} or a {@link Failure}. */
public sealed interface GetOutcome extends Outcome permits Found, Failure {}
