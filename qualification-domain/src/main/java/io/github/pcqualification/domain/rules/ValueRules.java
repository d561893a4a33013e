package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Sets;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Qualification;
import java.util.Set;

/**
 * One row of {@link QualificationRules}: everything a qualification value allows, as data. The rules
 * ({@link RequestRules}, {@link TransitionRules}) and the fake read these rows; none of them names a value.
 *
 * @param value the qualification the row is about
 * @param settableThrough which of the two APIs may set it
 * @param validationCode whether a request for it needs the partner's validation code or refuses one
 * @param educationDetails whether a request for it needs an education segment (and takes a website) on the
 *     asynchronous API, or refuses both
 * @param excludes the values a customer holding this one can never also be given, and the other way round
 * @param mayHoldBeside the values a customer may hold together with this one; holding any other value
 *     makes it irreversible (a qualification, once set, cannot be changed)
 */
public record ValueRules(
        Qualification value,
        SettableThrough settableThrough,
        ValidationCodeUse validationCode,
        EducationDetailsUse educationDetails,
        Set<Qualification> excludes,
        Set<Qualification> mayHoldBeside) {

    /**
     * Checks the components and copies the sets into immutable ones.
     *
     * @param value the qualification the row is about
     * @param settableThrough which of the two APIs may set it
     * @param validationCode whether it needs or refuses a validation code
     * @param educationDetails whether it needs or refuses an education segment and website
     * @param excludes the values it can never be held with; neither itself nor {@code None}
     * @param mayHoldBeside the values it may be held with; neither itself nor {@code None}, none of {@code excludes}
     * @throws NullPointerException if any component or set element is null
     * @throws IllegalArgumentException if a set names the value itself or {@code None} ("nothing held" can be
     *     neither excluded nor held beside), if {@code None}'s own row relates to anything, or if a value is
     *     both excluded and allowed beside
     */
    public ValueRules {
        checkNotNull(value, "value");
        checkNotNull(settableThrough, "settableThrough");
        checkNotNull(validationCode, "validationCode");
        checkNotNull(educationDetails, "educationDetails");
        excludes = copy(excludes, "excludes");
        mayHoldBeside = copy(mayHoldBeside, "mayHoldBeside");
        checkArgument(!excludes.contains(value) && !mayHoldBeside.contains(value),
                "%s cannot be related to itself", value.wireName());
        checkArgument(!excludes.contains(Qualification.NONE) && !mayHoldBeside.contains(Qualification.NONE),
                "None means nothing held: %s can neither exclude it nor be held beside it", value.wireName());
        checkArgument(value != Qualification.NONE || (excludes.isEmpty() && mayHoldBeside.isEmpty()),
                "None means nothing held: it can neither exclude a value nor be held beside one");
        checkArgument(Sets.intersection(excludes, mayHoldBeside).isEmpty(),
                "%s both excludes and may be held beside %s", value.wireName(), Sets.intersection(excludes, mayHoldBeside));
    }

    private static Set<Qualification> copy(Set<Qualification> values, String name) {
        checkNotNull(values, name);
        for (Qualification q : values) {
            checkNotNull(q, "%s element", name);
        }
        return Sets.immutableEnumSet(values);
    }

    /**
     * Whether {@code mode}'s API may set this value.
     *
     * @param mode the API
     * @return true if the row's {@link #settableThrough()} includes {@code mode}
     * @throws NullPointerException if {@code mode} is null
     */
    public boolean isSettableThrough(ApiMode mode) {
        return settableThrough.includes(mode);
    }

    /**
     * Whether neither API may set this value: a partner can never give it.
     *
     * @return true if the row is settable through {@link SettableThrough#NEITHER}
     */
    public boolean isNeverSettable() {
        return settableThrough == SettableThrough.NEITHER;
    }

    /**
     * Whether a request for this value needs the partner's validation code (and otherwise refuses one).
     *
     * @return true if the row's validation code use is {@link ValidationCodeUse#REQUIRED}
     */
    public boolean needsValidationCode() {
        return validationCode == ValidationCodeUse.REQUIRED;
    }

    /**
     * Whether a request for this value through {@code mode} needs an education segment.
     *
     * @param mode the API
     * @return true if {@code mode}'s API needs a segment for this value
     * @throws NullPointerException if {@code mode} is null
     */
    public boolean needsEducationSegment(ApiMode mode) {
        return educationDetails.needsSegment(mode);
    }

    /**
     * Whether a request for this value through {@code mode} may carry an education segment and a website.
     *
     * @param mode the API
     * @return true if {@code mode}'s API takes a segment and website for this value
     * @throws NullPointerException if {@code mode} is null
     */
    public boolean takesEducationDetails(ApiMode mode) {
        return educationDetails.takesDetails(mode);
    }

    /**
     * Which of the two APIs may set a value. There is no "synchronous only": every value the synchronous
     * {@code PUT} sets, the asynchronous {@code POST} can request too (and the {@code PUT} is being retired).
     */
    public enum SettableThrough {
        /** Neither API: a partner can never set the value (the service may still report it). */
        NEITHER,
        /** The asynchronous {@code POST} only. */
        ASYNCHRONOUS_ONLY,
        /** The synchronous {@code PUT} and the asynchronous {@code POST}. */
        BOTH;

        /**
         * Whether {@code mode}'s API is one of these.
         *
         * @param mode the API
         * @return true if {@code mode}'s API may set a value settable this way
         * @throws NullPointerException if {@code mode} is null
         */
        public boolean includes(ApiMode mode) {
            checkNotNull(mode, "mode");
            return this == BOTH || (this == ASYNCHRONOUS_ONLY && mode == ApiMode.ASYNCHRONOUS);
        }
    }

    /** What a request for a value does with the partner's validation code. */
    public enum ValidationCodeUse {
        /** The request needs one. */
        REQUIRED,
        /** The request must not carry one. */
        REFUSED
    }

    /** What a request for a value does with an education segment and a website. */
    public enum EducationDetailsUse {
        /** The request must carry neither, through either API. */
        REFUSED,
        /**
         * Through the asynchronous API the request needs a segment and may carry a website; through the
         * synchronous one it must carry neither.
         */
        SEGMENT_REQUIRED_ASYNCHRONOUSLY;

        /**
         * Whether a request through {@code mode} needs an education segment.
         *
         * @param mode the API
         * @return true if {@code mode}'s API needs a segment
         * @throws NullPointerException if {@code mode} is null
         */
        public boolean needsSegment(ApiMode mode) {
            checkNotNull(mode, "mode");
            return this == SEGMENT_REQUIRED_ASYNCHRONOUSLY && mode == ApiMode.ASYNCHRONOUS;
        }

        /**
         * Whether a request through {@code mode} may carry an education segment and a website.
         *
         * @param mode the API
         * @return true if {@code mode}'s API takes them
         * @throws NullPointerException if {@code mode} is null
         */
        public boolean takesDetails(ApiMode mode) {
            checkNotNull(mode, "mode");
            return this == SEGMENT_REQUIRED_ASYNCHRONOUSLY && mode == ApiMode.ASYNCHRONOUS;
        }
    }
}
