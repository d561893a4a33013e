package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** A violation names its rule and a message for people, which must say something. */
class RuleViolationTest {

    @Test
    void aBlankMessage_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RuleViolation(Rule.IRREVERSIBLE, " \t"))
                .withMessage("message must not be blank");
    }

    @Test
    void toString_isTheRuleAColonAndTheMessage() {
        RuleViolation violation = new RuleViolation(Rule.NEVER_SETTABLE, "Nonprofit cannot be set by a partner");

        String shown = violation.toString();

        assertThat(shown).isEqualTo("NEVER_SETTABLE: Nonprofit cannot be set by a partner");
    }
}
