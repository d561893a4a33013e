package io.github.pcqualification.domain.outcome;

import java.util.function.Function;

/**
 * The outcome of reading a customer's qualifications: {@link Found} or a {@link Failure}. Branch on it with
 * {@link #foldGet}, which takes one function per variant, so a new variant fails to compile where outcomes are
 * handled instead of falling into a default branch.
 */
public sealed interface GetOutcome extends Outcome permits Found, Failure {

    /**
     * Applies the function for this outcome's variant, and only that one.
     *
     * @param found for a {@link Found} outcome
     * @param failed for any {@link Failure}
     * @param <R> what the functions return
     * @return what the chosen function returned for this outcome
     * @throws NullPointerException if a function is null
     */
    <R> R foldGet(Function<? super Found, ? extends R> found, Function<? super Failure, ? extends R> failed);
}
