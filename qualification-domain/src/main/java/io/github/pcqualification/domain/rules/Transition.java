package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;

/** What the transition rules say about giving a customer a qualification, given what it holds. */
public sealed interface Transition {

    /** The customer may be given the qualification. */
    record Allowed() implements Transition {}

    /** The customer already holds exactly this qualification: an idempotent success. */
    record AlreadyHeld() implements Transition {}

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
    }
}
