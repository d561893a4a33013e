package io.github.pcqualification.domain.outcome;

/** The outcome of listing the partner's validation codes: {@link CodesListed} or a {@link Failure}. */
public sealed interface CodesOutcome extends Outcome permits CodesListed, Failure {}
