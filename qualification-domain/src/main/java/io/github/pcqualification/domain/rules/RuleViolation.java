package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/** One broken rule, with a message fit to show a user. */
public record RuleViolation(Rule rule, String message) {

    public RuleViolation {
        checkNotNull(rule, "rule");
        checkNotNull(message, "message");
        checkArgument(!message.isBlank(), "message must not be blank");
    }

    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
