package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.rules.Transition.Allowed;
import io.github.pcqualification.domain.rules.Transition.AlreadyHeld;
import io.github.pcqualification.domain.rules.Transition.Refused;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specification of {@link TransitionRules}: for every set of held qualifications and every requested
 * one, the expected transition, written out as a table.
 *
 * <p>Held: {@code -} is nothing; {@code ?Commercial} is a value the library does not know; {@code +}
 * joins two held values. Expected: {@code Allowed}, {@code AlreadyHeld}, or the {@link Rule} of the refusal.
 */
class TransitionRulesTest {

    private static List<ReportedQualification> held(String spec) {
        if (spec.equals("-")) {
            return List.of();
        }
        return Arrays.stream(spec.split("\\+"))
                .map(s -> s.startsWith("?") ? new ReportedQualification.Unknown(s.substring(1))
                        : ReportedQualification.of(Qualification.valueOf(s)))
                .toList();
    }

    private static String describe(Transition transition) {
        if (transition instanceof Refused refused) {
            return refused.violation().rule().name();
        }
        if (transition instanceof AlreadyHeld) {
            return "AlreadyHeld";
        }
        assertThat(transition).isInstanceOf(Allowed.class);
        return "Allowed";
    }

    @ParameterizedTest(name = "[{index}] holds {0}, asks {1} -> {2}")
    @CsvSource(delimiter = ';', textBlock = """
            # held                                ; requested                 ; expected
            -                                     ; NONE                      ; AlreadyHeld
            -                                     ; EDUCATION                 ; Allowed
            -                                     ; NONPROFIT                 ; Allowed
            -                                     ; GOVERNMENT_COMMUNITY_CLOUD; Allowed
            -                                     ; STATE_OWNED_ENTITY        ; Allowed
            NONE                                  ; NONE                      ; AlreadyHeld
            NONE                                  ; EDUCATION                 ; Allowed
            NONE                                  ; NONPROFIT                 ; Allowed
            NONE                                  ; GOVERNMENT_COMMUNITY_CLOUD; Allowed
            NONE                                  ; STATE_OWNED_ENTITY        ; Allowed
            EDUCATION                             ; NONE                      ; IRREVERSIBLE
            EDUCATION                             ; EDUCATION                 ; AlreadyHeld
            EDUCATION                             ; NONPROFIT                 ; IRREVERSIBLE
            EDUCATION                             ; GOVERNMENT_COMMUNITY_CLOUD; EDUCATION_GCC_EXCLUSIVE
            EDUCATION                             ; STATE_OWNED_ENTITY        ; Allowed
            NONPROFIT                             ; NONE                      ; IRREVERSIBLE
            NONPROFIT                             ; EDUCATION                 ; IRREVERSIBLE
            NONPROFIT                             ; NONPROFIT                 ; AlreadyHeld
            NONPROFIT                             ; GOVERNMENT_COMMUNITY_CLOUD; IRREVERSIBLE
            NONPROFIT                             ; STATE_OWNED_ENTITY        ; IRREVERSIBLE
            GOVERNMENT_COMMUNITY_CLOUD            ; NONE                      ; IRREVERSIBLE
            GOVERNMENT_COMMUNITY_CLOUD            ; EDUCATION                 ; EDUCATION_GCC_EXCLUSIVE
            GOVERNMENT_COMMUNITY_CLOUD            ; NONPROFIT                 ; IRREVERSIBLE
            GOVERNMENT_COMMUNITY_CLOUD            ; GOVERNMENT_COMMUNITY_CLOUD; AlreadyHeld
            GOVERNMENT_COMMUNITY_CLOUD            ; STATE_OWNED_ENTITY        ; IRREVERSIBLE
            STATE_OWNED_ENTITY                    ; NONE                      ; IRREVERSIBLE
            STATE_OWNED_ENTITY                    ; EDUCATION                 ; Allowed
            STATE_OWNED_ENTITY                    ; NONPROFIT                 ; IRREVERSIBLE
            STATE_OWNED_ENTITY                    ; GOVERNMENT_COMMUNITY_CLOUD; IRREVERSIBLE
            STATE_OWNED_ENTITY                    ; STATE_OWNED_ENTITY        ; AlreadyHeld
            ?Commercial                           ; NONE                      ; IRREVERSIBLE
            ?Commercial                           ; EDUCATION                 ; IRREVERSIBLE
            ?Commercial                           ; NONPROFIT                 ; IRREVERSIBLE
            ?Commercial                           ; GOVERNMENT_COMMUNITY_CLOUD; IRREVERSIBLE
            ?Commercial                           ; STATE_OWNED_ENTITY        ; IRREVERSIBLE
            EDUCATION+STATE_OWNED_ENTITY          ; NONE                      ; IRREVERSIBLE
            EDUCATION+STATE_OWNED_ENTITY          ; EDUCATION                 ; AlreadyHeld
            EDUCATION+STATE_OWNED_ENTITY          ; NONPROFIT                 ; IRREVERSIBLE
            EDUCATION+STATE_OWNED_ENTITY          ; GOVERNMENT_COMMUNITY_CLOUD; EDUCATION_GCC_EXCLUSIVE
            EDUCATION+STATE_OWNED_ENTITY          ; STATE_OWNED_ENTITY        ; AlreadyHeld
            """)
    void everyFromToPair_hasItsTransition(String held, Qualification requested, String expected) {
        List<ReportedQualification> holds = held(held);

        Transition transition = TransitionRules.evaluate(holds, requested);

        assertThat(describe(transition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] holds {0}, asks {1} -> {2}")
    @CsvSource(delimiter = ';', textBlock = """
            STATE_OWNED_ENTITY+EDUCATION ; GOVERNMENT_COMMUNITY_CLOUD; EDUCATION_GCC_EXCLUSIVE
            STATE_OWNED_ENTITY+EDUCATION ; NONPROFIT                 ; IRREVERSIBLE
            STATE_OWNED_ENTITY+EDUCATION ; EDUCATION                 ; AlreadyHeld
            NONE+EDUCATION               ; STATE_OWNED_ENTITY        ; Allowed
            EDUCATION+NONE               ; GOVERNMENT_COMMUNITY_CLOUD; EDUCATION_GCC_EXCLUSIVE
            ?Commercial+EDUCATION        ; STATE_OWNED_ENTITY        ; IRREVERSIBLE
            EDUCATION+?Commercial        ; EDUCATION                 ; AlreadyHeld
            """)
    void theOrderOfHeldValues_doesNotMatter(String held, Qualification requested, String expected) {
        List<ReportedQualification> holds = held(held);

        Transition transition = TransitionRules.evaluate(holds, requested);

        assertThat(describe(transition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] holds {0}")
    @CsvSource({"-", "NONE", "NONE+NONE"})
    void holdingNothing_andHoldingNone_areTheSameState(String held) {
        List<ReportedQualification> holds = held(held);

        Transition transition = TransitionRules.evaluate(holds, Qualification.NONE);

        assertThat(transition).isInstanceOf(AlreadyHeld.class);
    }

    @Test
    void irreversibleRefusal_namesWhatTheCustomerHolds() {
        List<ReportedQualification> holds = List.of(ReportedQualification.of(Qualification.NONE),
                ReportedQualification.fromWire("Commercial"));

        Transition transition = TransitionRules.evaluate(holds, Qualification.EDUCATION);

        assertThat(transition).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.violation().message())
                .isEqualTo("a qualification cannot be changed once set: the customer already has Commercial"));
    }

    @Test
    void exclusiveRefusal_namesTheConflictingValue() {
        List<ReportedQualification> holds = List.of(ReportedQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD));

        Transition transition = TransitionRules.evaluate(holds, Qualification.EDUCATION);

        assertThat(transition).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.violation().message())
                .endsWith("the customer already has GovernmentCommunityCloud"));
    }
}
