package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.rules.ValueRules.EducationDetailsUse;
import io.github.pcqualification.domain.rules.ValueRules.SettableThrough;
import io.github.pcqualification.domain.rules.ValueRules.ValidationCodeUse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows built here, not read from the table (which is built once per class loader): None's row relates to nothing. */
class NoneRowTest {

    private static ValueRules noneRow(Set<Qualification> excludes, Set<Qualification> mayHoldBeside) {
        return new ValueRules(Qualification.NONE, SettableThrough.NEITHER, ValidationCodeUse.REFUSED,
                EducationDetailsUse.REFUSED, excludes, mayHoldBeside);
    }

    @Test
    void noneRelatedToNothing_isAValidRow() {

        ValueRules row = noneRow(Set.of(), Set.of());

        assertThat(row.excludes()).isEmpty();
        assertThat(row.mayHoldBeside()).isEmpty();
        assertThat(row.isNeverSettable()).isTrue();
    }

    @Test
    void noneExcludingAValue_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> noneRow(Set.of(Qualification.EDUCATION), Set.of()))
                .withMessage("None means nothing held: it can neither exclude a value nor be held beside one");
    }

    @Test
    void noneHeldBesideAValue_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> noneRow(Set.of(), Set.of(Qualification.EDUCATION)))
                .withMessage("None means nothing held: it can neither exclude a value nor be held beside one");
    }

    @Test
    void anotherValue_mayRelateToOthers() {

        ValueRules row = new ValueRules(Qualification.STATE_OWNED_ENTITY, SettableThrough.ASYNCHRONOUS_ONLY,
                ValidationCodeUse.REFUSED, EducationDetailsUse.REFUSED, Set.of(Qualification.NONPROFIT),
                Set.of(Qualification.EDUCATION));

        assertThat(row.excludes()).containsExactly(Qualification.NONPROFIT);
        assertThat(row.mayHoldBeside()).containsExactly(Qualification.EDUCATION);
    }
}
