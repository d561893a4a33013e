package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One broken rule, with a message fit to show a user.
 *
 * @param rule the rule broken
 * @param message what was wrong, for people
 */
public record RuleViolation(Rule rule, String message) {

    /**
     * Checks the components.
     *
     * @param rule the rule broken
     * @param message what was wrong; not blank
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if {@code message} is blank
     */
    public RuleViolation {
        checkNotNull(rule, "rule");
        checkNotNull(message, "message");
        checkArgument(!message.isBlank(), "message must not be blank");
    }

    /** The rule's name, a colon and the message. */
    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
