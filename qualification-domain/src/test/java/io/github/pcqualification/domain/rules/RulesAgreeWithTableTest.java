package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Lists;
import com.google.common.collect.Sets;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.rules.Transition.Allowed;
import io.github.pcqualification.domain.rules.Transition.AlreadyHeld;
import io.github.pcqualification.domain.rules.Transition.Refused;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: {@link RequestRules} and {@link TransitionRules} say exactly what {@link QualificationRules}
 * says, for every value, through either API, with every combination of extra data, and from every state
 * a customer can be in. The expectations below read only the table, never a named value, so a row added
 * to the table is covered here without touching this test.
 */
class RulesAgreeWithTableTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");

    /** Every value × API × (code, segment, website) present or absent. */
    static Stream<Arguments> everyRequest() {
        List<Arguments> out = new ArrayList<>();
        for (Qualification q : Qualification.values()) {
            for (ApiMode mode : ApiMode.values()) {
                for (int extras = 0; extras < 8; extras++) {
                    out.add(Arguments.of(q, mode, (extras & 1) != 0, (extras & 2) != 0, (extras & 4) != 0));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} {1} code={2} segment={3} website={4}")
    @MethodSource("everyRequest")
    void requestRules_breakExactlyWhatTheTableForbids(Qualification q, ApiMode mode, boolean code, boolean segment,
            boolean website) {
        QualificationRequest request = new QualificationRequest(CUSTOMER, q,
                code ? Optional.of(ValidationCode.of("12345")) : Optional.empty(),
                segment ? Optional.of(EducationSegment.K12) : Optional.empty(),
                website ? Optional.of(Website.of("contoso.edu")) : Optional.empty());
        ValueRules row = QualificationRules.of(q);
        List<Rule> expected = new ArrayList<>();
        if (row.isNeverSettable()) {
            expected.add(Rule.NEVER_SETTABLE);
        } else if (!row.isSettableThrough(mode)) {
            expected.add(Rule.NOT_SETTABLE_SYNCHRONOUSLY);
        }
        if (row.needsValidationCode() != code) {
            expected.add(code ? Rule.VALIDATION_CODE_NOT_ACCEPTED : Rule.VALIDATION_CODE_REQUIRED);
        }
        if (row.needsEducationSegment(mode) && !segment) {
            expected.add(Rule.EDUCATION_SEGMENT_REQUIRED);
        }
        if ((segment || website) && !row.takesEducationDetails(mode)) {
            expected.add(Rule.EDUCATION_DETAILS_NOT_ACCEPTED);
        }

        List<RuleViolation> violations = RequestRules.check(request, mode);

        assertThat(violations).extracting(RuleViolation::rule).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void settablePredicates_readTheTable(Qualification q) {
        ValueRules row = QualificationRules.of(q);

        boolean sync = RequestRules.isSettableSynchronously(q);
        boolean async = RequestRules.isSettableAsynchronously(q);

        assertThat(sync).isEqualTo(row.isSettableThrough(ApiMode.SYNCHRONOUS));
        assertThat(async).isEqualTo(row.isSettableThrough(ApiMode.ASYNCHRONOUS));
    }

    /**
     * Every state a customer can be in (any set of values no two of which exclude each other, optionally
     * with {@code None} and a value the library does not know, in either order) × every requested value.
     */
    static Stream<Arguments> everyStateAndRequest() {
        Set<Qualification> settable = EnumSet.complementOf(EnumSet.of(Qualification.NONE));
        List<Arguments> out = new ArrayList<>();
        for (Set<Qualification> known : Sets.powerSet(settable)) {
            if (!consistent(known)) {
                continue;
            }
            for (int extras = 0; extras < 4; extras++) {
                List<ReportedQualification> held = new ArrayList<>();
                if ((extras & 1) != 0) {
                    held.add(ReportedQualification.of(Qualification.NONE));
                }
                known.forEach(q -> held.add(ReportedQualification.of(q)));
                if ((extras & 2) != 0) {
                    held.add(ReportedQualification.fromWire("Commercial"));
                }
                for (Qualification requested : Qualification.values()) {
                    out.add(Arguments.of(List.copyOf(held), requested));
                    if (held.size() > 1) {
                        out.add(Arguments.of(List.copyOf(Lists.reverse(held)), requested));
                    }
                }
            }
        }
        return out.stream();
    }

    private static boolean consistent(Set<Qualification> held) {
        return held.stream().noneMatch(q -> !Sets.intersection(QualificationRules.of(q).excludes(), held).isEmpty());
    }

    @ParameterizedTest(name = "[{index}] holds {0}, asks {1}")
    @MethodSource("everyStateAndRequest")
    void transitionRules_decideWhatTheTableSays(List<ReportedQualification> held, Qualification requested) {
        ValueRules row = QualificationRules.of(requested);
        Set<Qualification> known = new HashSet<>();
        boolean unknown = false;
        for (ReportedQualification h : held) {
            if (h instanceof ReportedQualification.Known k) {
                if (k.value() != Qualification.NONE) {
                    known.add(k.value());
                }
            } else {
                unknown = true;
            }
        }
        String expected;
        boolean listsRequested = held.stream().anyMatch(h -> h.is(requested));
        if (listsRequested || (known.isEmpty() && !unknown && requested == Qualification.NONE)) {
            expected = "AlreadyHeld";
        } else if (!Sets.intersection(row.excludes(), known).isEmpty()) {
            expected = Rule.EDUCATION_GCC_EXCLUSIVE.name();
        } else if (!unknown && row.mayHoldBeside().containsAll(known)) {
            expected = "Allowed";
        } else {
            expected = Rule.IRREVERSIBLE.name();
        }

        Transition transition = TransitionRules.evaluate(held, requested);

        assertThat(describe(transition)).isEqualTo(expected);
        if (transition instanceof Refused refused && refused.violation().rule() == Rule.EDUCATION_GCC_EXCLUSIVE) {
            Qualification other = Sets.intersection(row.excludes(), known).iterator().next();
            assertThat(refused.violation().message())
                    .contains(requested.wireName(), other.wireName(), "cannot be combined");
        }
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

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void everyExclusion_isRefusedFromEitherSide(Qualification q) {
        for (Qualification other : QualificationRules.of(q).excludes()) {

            Transition one = TransitionRules.evaluate(List.of(ReportedQualification.of(q)), other);
            Transition two = TransitionRules.evaluate(List.of(ReportedQualification.of(other)), q);

            assertThat(Arrays.asList(one, two)).allSatisfy(t -> assertThat(t).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.violation().rule()).isEqualTo(Rule.EDUCATION_GCC_EXCLUSIVE)));
            assertThat(((Refused) one).violation().message().replaceAll(": .*", ""))
                    .isEqualTo(((Refused) two).violation().message().replaceAll(": .*", ""));
        }
    }
}
