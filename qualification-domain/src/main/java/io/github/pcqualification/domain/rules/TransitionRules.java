package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import java.util.Collection;

/**
 * The service's transition rules: a qualification, once set, cannot be changed to another; Education
 * and GovernmentCommunityCloud exclude each other; StateOwnedEntity may be held alongside Education;
 * asking for a value the customer already holds is an idempotent success.
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
            if (excludes(h, requested)) {
                return new Transition.Refused(new RuleViolation(Rule.EDUCATION_GCC_EXCLUSIVE,
                        "Education and GovernmentCommunityCloud cannot be combined: the customer already has " + h));
            }
            holdsOnlyCombinable &= combinable(h, requested);
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

    private static boolean excludes(ReportedQualification held, Qualification requested) {
        return (held.is(Qualification.EDUCATION) && requested == Qualification.GOVERNMENT_COMMUNITY_CLOUD)
                || (held.is(Qualification.GOVERNMENT_COMMUNITY_CLOUD) && requested == Qualification.EDUCATION);
    }

    private static boolean combinable(ReportedQualification held, Qualification requested) {
        return (held.is(Qualification.EDUCATION) && requested == Qualification.STATE_OWNED_ENTITY)
                || (held.is(Qualification.STATE_OWNED_ENTITY) && requested == Qualification.EDUCATION);
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
