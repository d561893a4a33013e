package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.rules.ValueRules.EducationDetailsUse;
import io.github.pcqualification.domain.rules.ValueRules.SettableThrough;
import io.github.pcqualification.domain.rules.ValueRules.ValidationCodeUse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specification of {@link QualificationRules}: the spec's section 1, one row per value, and the
 * invariants that keep the table consistent.
 */
class QualificationRulesTest {

    private static Set<Qualification> values(String spec) {
        return spec.equals("-") ? Set.of()
                : Arrays.stream(spec.split("\\|")).map(String::trim).map(Qualification::valueOf).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void everyValue_hasARowAboutItself(Qualification q) {

        ValueRules row = QualificationRules.of(q);

        assertThat(row).isNotNull();
        assertThat(row.value()).isEqualTo(q);
    }

    @Test
    void theTable_hasOneRowPerValue_inEnumOrder() {

        var rows = QualificationRules.all();

        assertThat(rows).extracting(ValueRules::value).containsExactly(Qualification.values());
    }

    /**
     * The spec's section 1, one line per value. {@link #theSpecTable_hasALineForEveryValue} fails until a new
     * value has its line here, so the table's test cannot silently skip it.
     */
    private static final String SPEC = """
            # value                   ; sync PUT ; async POST ; validation code ; segment on async ; excludes                  ; may be held beside
            NONE                      ; false    ; false      ; REFUSED         ; false            ; -                         ; -
            EDUCATION                 ; true     ; true       ; REFUSED         ; true             ; GOVERNMENT_COMMUNITY_CLOUD; STATE_OWNED_ENTITY
            NONPROFIT                 ; false    ; false      ; REFUSED         ; false            ; -                         ; -
            GOVERNMENT_COMMUNITY_CLOUD; true     ; true       ; REQUIRED        ; false            ; EDUCATION                 ; -
            STATE_OWNED_ENTITY        ; false    ; true       ; REFUSED         ; false            ; -                         ; EDUCATION
            """;

    static Stream<Arguments> specRows() {
        return SPEC.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
            String[] f = Arrays.stream(line.split(";")).map(String::trim).toArray(String[]::new);
            return Arguments.of(Qualification.valueOf(f[0]), Boolean.parseBoolean(f[1]), Boolean.parseBoolean(f[2]),
                    ValidationCodeUse.valueOf(f[3]), Boolean.parseBoolean(f[4]), f[5], f[6]);
        });
    }

    @Test
    void theSpecTable_hasALineForEveryValue() {

        var described = specRows().map(a -> (Qualification) a.get()[0]).toList();

        assertThat(described).containsExactlyInAnyOrder(Qualification.values());
    }

    @ParameterizedTest(name = "[{index}] {0}: sync={1} async={2} code={3} segment={4} excludes={5} beside={6}")
    @MethodSource("specRows")
    void eachRow_isTheSpecsRow(Qualification q, boolean sync, boolean async, ValidationCodeUse code,
            boolean segmentOnAsync, String excludes, String beside) {

        ValueRules row = QualificationRules.of(q);

        assertThat(row.isSettableThrough(ApiMode.SYNCHRONOUS)).as("sync PUT").isEqualTo(sync);
        assertThat(row.isSettableThrough(ApiMode.ASYNCHRONOUS)).as("async POST").isEqualTo(async);
        assertThat(row.isNeverSettable()).as("never settable").isEqualTo(!sync && !async);
        assertThat(row.validationCode()).isEqualTo(code);
        assertThat(row.needsValidationCode()).isEqualTo(code == ValidationCodeUse.REQUIRED);
        assertThat(row.needsEducationSegment(ApiMode.ASYNCHRONOUS)).as("segment on async").isEqualTo(segmentOnAsync);
        assertThat(row.takesEducationDetails(ApiMode.ASYNCHRONOUS)).as("details on async").isEqualTo(segmentOnAsync);
        assertThat(row.needsEducationSegment(ApiMode.SYNCHRONOUS)).as("segment on sync").isFalse();
        assertThat(row.takesEducationDetails(ApiMode.SYNCHRONOUS)).as("details on sync").isFalse();
        assertThat(row.excludes()).containsExactlyInAnyOrderElementsOf(values(excludes));
        assertThat(row.mayHoldBeside()).containsExactlyInAnyOrderElementsOf(values(beside));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void settableThrough_listsTheRowsSettableThroughThatApi(ApiMode mode) {
        Set<Qualification> expected = QualificationRules.all().stream()
                .filter(r -> r.isSettableThrough(mode)).map(ValueRules::value).collect(Collectors.toSet());

        Set<Qualification> settable = QualificationRules.settableThrough(mode);

        assertThat(settable).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
    }

    @Test
    void everyValueTheSynchronousApiSets_theAsynchronousApiSetsToo() {

        Set<Qualification> sync = QualificationRules.settableThrough(ApiMode.SYNCHRONOUS);

        assertThat(QualificationRules.settableThrough(ApiMode.ASYNCHRONOUS)).containsAll(sync);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void relations_areSymmetric_irreflexive_andNeverBothWays(Qualification q) {

        ValueRules row = QualificationRules.of(q);

        assertThat(row.excludes()).doesNotContain(q, Qualification.NONE)
                .allSatisfy(other -> assertThat(QualificationRules.of(other).excludes()).contains(q));
        assertThat(row.mayHoldBeside()).doesNotContain(q, Qualification.NONE)
                .allSatisfy(other -> assertThat(QualificationRules.of(other).mayHoldBeside()).contains(q))
                .allSatisfy(other -> assertThat(row.excludes()).doesNotContain(other));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void onlyValuesSomeApiCanSet_takeExtraData(Qualification q) {

        ValueRules row = QualificationRules.of(q);

        if (row.isNeverSettable()) {
            assertThat(row.validationCode()).isEqualTo(ValidationCodeUse.REFUSED);
            assertThat(row.educationDetails()).isEqualTo(EducationDetailsUse.REFUSED);
        }
    }

    @Test
    void aRow_cannotRelateAValueToItself() {
        Set<Qualification> self = Set.of(Qualification.EDUCATION);

        assertThatThrownBy(() -> new ValueRules(Qualification.EDUCATION, SettableThrough.BOTH,
                ValidationCodeUse.REFUSED, EducationDetailsUse.REFUSED, self, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> new ValueRules(Qualification.EDUCATION, SettableThrough.BOTH,
                ValidationCodeUse.REFUSED, EducationDetailsUse.REFUSED, Set.of(), self))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
    }

    @Test
    void aRow_cannotRelateToNone_norNoneToAnything() {
        Set<Qualification> none = Set.of(Qualification.NONE);
        Set<Qualification> education = Set.of(Qualification.EDUCATION);

        assertThatThrownBy(() -> new ValueRules(Qualification.STATE_OWNED_ENTITY, SettableThrough.ASYNCHRONOUS_ONLY,
                ValidationCodeUse.REFUSED, EducationDetailsUse.REFUSED, none, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("None means nothing held");
        assertThatThrownBy(() -> new ValueRules(Qualification.NONE, SettableThrough.NEITHER,
                ValidationCodeUse.REFUSED, EducationDetailsUse.REFUSED, Set.of(), education))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("None means nothing held");
    }

    @Test
    void aRow_cannotBothExcludeAndAllowOneValue() {
        Set<Qualification> education = Set.of(Qualification.EDUCATION);

        assertThatThrownBy(() -> new ValueRules(Qualification.STATE_OWNED_ENTITY, SettableThrough.ASYNCHRONOUS_ONLY,
                ValidationCodeUse.REFUSED, EducationDetailsUse.REFUSED, education, education))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both excludes and may be held beside");
    }

    @Test
    void aRow_keepsAnImmutableCopyOfItsSets() {
        Set<Qualification> excludes = new HashSet<>(Set.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD));
        ValueRules row = new ValueRules(Qualification.EDUCATION, SettableThrough.BOTH, ValidationCodeUse.REFUSED,
                EducationDetailsUse.SEGMENT_REQUIRED_ASYNCHRONOUSLY, excludes, Set.of());

        excludes.add(Qualification.STATE_OWNED_ENTITY);

        assertThat(row.excludes()).containsExactly(Qualification.GOVERNMENT_COMMUNITY_CLOUD);
        assertThatThrownBy(() -> row.excludes().add(Qualification.NONPROFIT))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> QualificationRules.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullArguments_areRefusedWithNullPointerException() {
        NullPointerTester tester = new NullPointerTester()
                .setDefault(Set.class, Set.of())
                .setDefault(Qualification.class, Qualification.NONPROFIT);
        ValueRules row = QualificationRules.of(Qualification.EDUCATION);

        tester.testAllPublicStaticMethods(QualificationRules.class);
        tester.testAllPublicConstructors(ValueRules.class);
        tester.testAllPublicInstanceMethods(row);
        tester.testAllPublicInstanceMethods(SettableThrough.BOTH);
        tester.testAllPublicInstanceMethods(EducationDetailsUse.SEGMENT_REQUIRED_ASYNCHRONOUSLY);

        // assertions are the tester's own: it fails if any null argument is accepted
    }
}
