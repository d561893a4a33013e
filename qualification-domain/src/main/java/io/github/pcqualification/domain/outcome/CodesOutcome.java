package io.github.pcqualification.domain.outcome;

import java.util.function.Function;

/**
 * The outcome of listing the partner's validation codes: {@link CodesListed} or a {@link Failure}. Branch on it
 * with {@link #foldCodes}, which takes one function per variant, so a new variant fails to compile where outcomes
 * are handled instead of falling into a default branch.
 */
public sealed interface CodesOutcome extends Outcome permits CodesListed, Failure {

    /**
     * Applies the function for this outcome's variant, and only that one.
     *
     * @param listed for a {@link CodesListed} outcome
     * @param failed for any {@link Failure}
     * @param <R> what the functions return
     * @return what the chosen function returned for this outcome
     * @throws NullPointerException if a function is null
     */
    <R> R foldCodes(Function<? super CodesListed, ? extends R> listed, Function<? super Failure, ? extends R> failed);
}
