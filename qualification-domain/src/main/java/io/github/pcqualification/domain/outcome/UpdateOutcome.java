package io.github.pcqualification.domain.outcome;

import java.util.function.Function;

/**
 * The outcome of giving a customer a qualification: {@link Updated}, {@link Unchanged} or a {@link Failure}.
 * Branch on it with {@link #foldUpdate}, which takes one function per variant, so a new variant fails to compile
 * where outcomes are handled instead of falling into a default branch.
 */
public sealed interface UpdateOutcome extends Outcome permits Updated, Unchanged, Failure {

    /**
     * Applies the function for this outcome's variant, and only that one.
     *
     * @param updated for an {@link Updated} outcome
     * @param unchanged for an {@link Unchanged} outcome
     * @param failed for any {@link Failure}
     * @param <R> what the functions return
     * @return what the chosen function returned for this outcome
     * @throws NullPointerException if a function is null
     */
    <R> R foldUpdate(Function<? super Updated, ? extends R> updated, Function<? super Unchanged, ? extends R> unchanged,
            Function<? super Failure, ? extends R> failed);
}
