package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import java.util.Collection;
import java.util.Optional;

/**
 * The service's transition rules: a qualification, once set, cannot be changed to another, except to add
 * one its {@link QualificationRules} row may be held beside (today StateOwnedEntity beside Education);
 * values the row excludes are refused as such (today Education and GovernmentCommunityCloud); asking for a
 * value the customer already holds is an idempotent success.
 *
 * <p>A value the library does not know counts as set (and so as irreversible): the safe reading.
 */
public final class TransitionRules {

    private TransitionRules() {}

    /**
     * Decides whether a customer holding {@code held} may be given {@code requested}. {@code None} in
     * {@code held} means "nothing set" and is ignored. The request rules (what is settable at all)
     * are {@link RequestRules}' business, not this method's.
     *
     * @param held what the customer holds now, as the service reported it
     * @param requested the qualification asked for
     * @return {@link Transition.AlreadyHeld}, {@link Transition.Allowed}, or {@link Transition.Refused} naming
     *     the broken rule
     * @throws NullPointerException if either argument is null
     */
    public static Transition evaluate(Collection<ReportedQualification> held, Qualification requested) {
        checkNotNull(held, "held");
        checkNotNull(requested, "requested");
        ValueRules rules = QualificationRules.of(requested);
        boolean holdsAnything = false;
        boolean holdsOnlyCombinable = true;
        for (ReportedQualification h : held) {
            if (h.is(requested)) {
                return new Transition.AlreadyHeld();
            }
            if (h.is(Qualification.NONE)) {
                continue;
            }
            holdsAnything = true;
            Optional<Qualification> known = known(h);
            if (known.isPresent() && rules.excludes().contains(known.get())) {
                return new Transition.Refused(new RuleViolation(Rule.EDUCATION_GCC_EXCLUSIVE,
                        pairInEnumOrder(known.get(), requested) + " cannot be combined: the customer already has " + h));
            }
            holdsOnlyCombinable &= known.isPresent() && rules.mayHoldBeside().contains(known.get());
        }
        if (!holdsAnything) {
            // Nothing set is what the synchronous API reports as None: asking for None is then already held,
            // whether the holder listed None or nothing at all.
            return requested == Qualification.NONE ? new Transition.AlreadyHeld() : new Transition.Allowed();
        }
        if (holdsOnlyCombinable) {
            return new Transition.Allowed();
        }
        return new Transition.Refused(new RuleViolation(Rule.IRREVERSIBLE,
                "a qualification cannot be changed once set: the customer already has " + describe(held)));
    }

    /** The value a held qualification is, if the library knows it; an unknown one relates to nothing. */
    private static Optional<Qualification> known(ReportedQualification held) {
        return held instanceof ReportedQualification.Known k ? Optional.of(k.value()) : Optional.empty();
    }

    /** "A and B", A first in the enum, so both directions of one exclusion read the same. */
    private static String pairInEnumOrder(Qualification one, Qualification other) {
        boolean oneFirst = one.compareTo(other) < 0;
        return (oneFirst ? one : other).wireName() + " and " + (oneFirst ? other : one).wireName();
    }

    private static String describe(Collection<ReportedQualification> held) {
        StringBuilder out = new StringBuilder();
        for (ReportedQualification h : held) {
            if (h.is(Qualification.NONE)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(h);
        }
        return out.toString();
    }
}
