package io.github.pcqualification.domain.outcome;

import java.util.function.Function;

/**
 * The outcome of listing the GCC validations linked to one customer: {@link ValidationsListed} or a
 * {@link Failure}. Branch on it with {@link #foldValidations}, which takes one function per variant, so a new variant
 * fails to compile where outcomes are handled instead of falling into a default branch.
 */
public sealed interface ValidationsOutcome extends Outcome permits ValidationsListed, Failure {

    /**
     * Applies the function for this outcome's variant, and only that one.
     *
     * @param listed for a {@link ValidationsListed} outcome
     * @param failed for any {@link Failure}
     * @param <R> what the functions return
     * @return what the chosen function returned for this outcome
     * @throws NullPointerException if a function is null
     */
    <R> R foldValidations(Function<? super ValidationsListed, ? extends R> listed,
            Function<? super Failure, ? extends R> failed);
}
