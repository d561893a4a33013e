package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the transition rules say about giving a customer a qualification, given what it holds. Branch on it with
 * {@link #fold}, which takes one function per variant.
 */
public sealed interface Transition {

    /**
     * Applies the function for this transition's variant, and only that one.
     *
     * @param allowed for {@link Allowed}
     * @param alreadyHeld for {@link AlreadyHeld}
     * @param refused for {@link Refused}, given the refusal
     * @param <R> what the functions return
     * @return what the chosen function returned
     * @throws NullPointerException if a function is null
     */
    <R> R fold(Supplier<? extends R> allowed, Supplier<? extends R> alreadyHeld,
            Function<? super Refused, ? extends R> refused);

    /** The customer may be given the qualification. */
    record Allowed() implements Transition {
        @Override
        public <R> R fold(Supplier<? extends R> allowed, Supplier<? extends R> alreadyHeld,
                Function<? super Refused, ? extends R> refused) {
            checkFunctions(allowed, alreadyHeld, refused);
            return allowed.get();
        }
    }

    /** The customer already holds exactly this qualification: an idempotent success. */
    record AlreadyHeld() implements Transition {
        @Override
        public <R> R fold(Supplier<? extends R> allowed, Supplier<? extends R> alreadyHeld,
                Function<? super Refused, ? extends R> refused) {
            checkFunctions(allowed, alreadyHeld, refused);
            return alreadyHeld.get();
        }
    }

    /**
     * A rule forbids it.
     *
     * @param violation the rule and why
     */
    record Refused(RuleViolation violation) implements Transition {
        /**
         * Checks the violation.
         *
         * @param violation the rule and why
         * @throws NullPointerException if {@code violation} is null
         */
        public Refused {
            checkNotNull(violation, "violation");
        }

        @Override
        public <R> R fold(Supplier<? extends R> allowed, Supplier<? extends R> alreadyHeld,
                Function<? super Refused, ? extends R> refused) {
            checkFunctions(allowed, alreadyHeld, refused);
            return refused.apply(this);
        }
    }

    private static void checkFunctions(Object allowed, Object alreadyHeld, Object refused) {
        checkNotNull(allowed, "allowed");
        checkNotNull(alreadyHeld, "alreadyHeld");
        checkNotNull(refused, "refused");
    }
}
