package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;
import static io.github.pcqualification.domain.model.Qualification.EDUCATION;
import static io.github.pcqualification.domain.model.Qualification.GOVERNMENT_COMMUNITY_CLOUD;
import static io.github.pcqualification.domain.model.Qualification.STATE_OWNED_ENTITY;
import static io.github.pcqualification.domain.rules.ValueRules.EducationDetailsUse.SEGMENT_REQUIRED_ASYNCHRONOUSLY;
import static io.github.pcqualification.domain.rules.ValueRules.SettableThrough.ASYNCHRONOUS_ONLY;
import static io.github.pcqualification.domain.rules.ValueRules.SettableThrough.BOTH;
import static io.github.pcqualification.domain.rules.ValueRules.SettableThrough.NEITHER;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Qualification;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules as data: the one table of what each {@link Qualification} value allows (the spec's section 1),
 * read by {@link RequestRules}, {@link TransitionRules} and the fake. Adding a value to the enum is adding
 * a row here: the row's {@code switch} has no default, so the compiler refuses a value without one.
 *
 * <pre>{@code
 * ValueRules gcc = QualificationRules.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD);
 * gcc.isSettableThrough(ApiMode.SYNCHRONOUS);   // true
 * gcc.needsValidationCode();                      // true
 * gcc.excludes();                                 // [EDUCATION]
 * }</pre>
 *
 * <p>The table is checked when this class loads: each row is about its own value, and the relations are
 * symmetric (if A excludes B, B's row excludes A; likewise for values held beside each other). A broken
 * table fails the first use of any rule, so every test that touches the rules fails with it.
 */
public final class QualificationRules {

    private static final Set<Qualification> NOTHING = ImmutableSet.of();
    private static final ValueRules.ValidationCodeUse CODE_REQUIRED = ValueRules.ValidationCodeUse.REQUIRED;
    private static final ValueRules.ValidationCodeUse CODE_REFUSED = ValueRules.ValidationCodeUse.REFUSED;
    private static final ValueRules.EducationDetailsUse DETAILS_REFUSED = ValueRules.EducationDetailsUse.REFUSED;

    private static final Map<Qualification, ValueRules> TABLE = build();

    private QualificationRules() {}

    /**
     * The table: one row per value. No {@code default}: a value without a row does not compile.
     */
    private static ValueRules row(Qualification q) {
        return switch (q) {
            //                                   settable through   validation code  education details
            //                                   excludes                            may be held beside
            case NONE -> new ValueRules(q,       NEITHER,           CODE_REFUSED,    DETAILS_REFUSED,
                                                 NOTHING,                            NOTHING);
            case EDUCATION -> new ValueRules(q,  BOTH,              CODE_REFUSED,    SEGMENT_REQUIRED_ASYNCHRONOUSLY,
                                                 Set.of(GOVERNMENT_COMMUNITY_CLOUD), Set.of(STATE_OWNED_ENTITY));
            case NONPROFIT -> new ValueRules(q,  NEITHER,           CODE_REFUSED,    DETAILS_REFUSED,
                                                 NOTHING,                            NOTHING);
            case GOVERNMENT_COMMUNITY_CLOUD -> new ValueRules(q,
                                                 BOTH,              CODE_REQUIRED,   DETAILS_REFUSED,
                                                 Set.of(EDUCATION),                  NOTHING);
            case STATE_OWNED_ENTITY -> new ValueRules(q,
                                                 ASYNCHRONOUS_ONLY, CODE_REFUSED,    DETAILS_REFUSED,
                                                 NOTHING,                            Set.of(EDUCATION));
        };
    }

    private static Map<Qualification, ValueRules> build() {
        EnumMap<Qualification, ValueRules> rows = new EnumMap<>(Qualification.class);
        for (Qualification q : Qualification.values()) {
            ValueRules r = row(q);
            checkState(r.value() == q, "the row for %s is about %s", q, r.value());
            rows.put(q, r);
        }
        for (ValueRules r : rows.values()) {
            for (Qualification other : r.excludes()) {
                checkState(rows.get(other).excludes().contains(r.value()),
                        "%s excludes %s, so %s's row must exclude %s", r.value(), other, other, r.value());
            }
            for (Qualification other : r.mayHoldBeside()) {
                checkState(rows.get(other).mayHoldBeside().contains(r.value()),
                        "%s may be held beside %s, so %s's row must allow %s", r.value(), other, other, r.value());
            }
        }
        return Maps.immutableEnumMap(rows);
    }

    /**
     * The row of one value.
     *
     * @param q the qualification
     * @return what {@code q} allows
     * @throws NullPointerException if {@code q} is null
     */
    public static ValueRules of(Qualification q) {
        checkNotNull(q, "qualification");
        return TABLE.get(q);
    }

    /**
     * Every row, in the order of {@link Qualification#values()}.
     *
     * @return the whole table, one row per value; immutable
     */
    public static List<ValueRules> all() {
        return ImmutableList.copyOf(TABLE.values());
    }

    /**
     * The values {@code mode}'s API may set, in the order of {@link Qualification#values()}.
     *
     * @param mode the API
     * @return the values whose row is settable through {@code mode}; immutable
     * @throws NullPointerException if {@code mode} is null
     */
    public static Set<Qualification> settableThrough(ApiMode mode) {
        checkNotNull(mode, "mode");
        return TABLE.values().stream()
                .filter(r -> r.isSettableThrough(mode))
                .map(ValueRules::value)
                .collect(ImmutableSet.toImmutableSet());
    }
}
