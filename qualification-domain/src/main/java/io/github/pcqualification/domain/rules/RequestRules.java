package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rules a request must meet before anything is sent: which values each API can set and which
 * extra data each value takes, read from {@link QualificationRules}. A request that breaks one is refused
 * locally, naming every broken rule.
 */
public final class RequestRules {

    /** The segments a request may name, for messages: {@code K12 or HigherEducation}. */
    private static final String SEGMENT_NAMES = Arrays.stream(EducationSegment.values())
            .map(EducationSegment::wireName)
            .collect(Collectors.joining(" or "));

    private RequestRules() {}

    /**
     * Every rule {@code request} breaks for {@code mode}.
     *
     * @param request the request to check
     * @param mode the API it would be sent through
     * @return the violations, each with a message for people; empty when the request may be sent
     * @throws NullPointerException if either argument is null
     */
    public static List<RuleViolation> check(QualificationRequest request, ApiMode mode) {
        checkNotNull(request, "request");
        checkNotNull(mode, "mode");
        ImmutableList.Builder<RuleViolation> violations = ImmutableList.builder();
        Qualification q = request.qualification();
        ValueRules rules = QualificationRules.of(q);

        if (rules.isNeverSettable()) {
            violations.add(new RuleViolation(Rule.NEVER_SETTABLE,
                    q.wireName() + " cannot be set by a partner"));
        } else if (!rules.isSettableThrough(mode)) {
            // Settable by one API but not this one: the asynchronous one, as the table has no "synchronous only".
            violations.add(new RuleViolation(Rule.NOT_SETTABLE_SYNCHRONOUSLY,
                    q.wireName() + " can only be set through the asynchronous API"));
        }

        if (rules.needsValidationCode() && request.validationCode().isEmpty()) {
            violations.add(new RuleViolation(Rule.VALIDATION_CODE_REQUIRED,
                    q.wireName() + " needs the partner's validation code"));
        }
        if (!rules.needsValidationCode() && request.validationCode().isPresent()) {
            violations.add(new RuleViolation(Rule.VALIDATION_CODE_NOT_ACCEPTED,
                    "only " + namesWhere(ValueRules::needsValidationCode) + " takes a validation code, not "
                            + q.wireName()));
        }

        boolean educationDetails = request.educationSegment().isPresent() || request.website().isPresent();
        if (rules.needsEducationSegment(mode) && request.educationSegment().isEmpty()) {
            violations.add(new RuleViolation(Rule.EDUCATION_SEGMENT_REQUIRED,
                    q.wireName() + " through the asynchronous API needs an education segment ("
                            + SEGMENT_NAMES + ")"));
        }
        if (educationDetails && !rules.takesEducationDetails(mode)) {
            violations.add(new RuleViolation(Rule.EDUCATION_DETAILS_NOT_ACCEPTED,
                    takesEducationDetailsThroughAnyApi(rules)
                            ? "an education segment or website is only sent through the asynchronous API"
                            : "only " + namesWhere(RequestRules::takesEducationDetailsThroughAnyApi)
                                    + " takes an education segment or website, not " + q.wireName()));
        }
        return violations.build();
    }

    private static boolean takesEducationDetailsThroughAnyApi(ValueRules rules) {
        return Arrays.stream(ApiMode.values()).anyMatch(rules::takesEducationDetails);
    }

    /** The wire names of the values whose row meets {@code test}, joined with "or". */
    private static String namesWhere(Predicate<ValueRules> test) {
        return QualificationRules.all().stream()
                .filter(test)
                .map(r -> r.value().wireName())
                .collect(Collectors.joining(" or "));
    }

    /**
     * Whether the synchronous {@code PUT} can set a value, as {@link QualificationRules} says (today
     * Education and GovernmentCommunityCloud).
     *
     * @param q the qualification
     * @return true if {@code q}'s row is settable through {@link ApiMode#SYNCHRONOUS}
     * @throws NullPointerException if {@code q} is null
     */
    public static boolean isSettableSynchronously(Qualification q) {
        return QualificationRules.of(q).isSettableThrough(ApiMode.SYNCHRONOUS);
    }

    /**
     * Whether the asynchronous {@code POST} can request a value, as {@link QualificationRules} says (today
     * Education, GovernmentCommunityCloud and StateOwnedEntity).
     *
     * @param q the qualification
     * @return true if {@code q}'s row is settable through {@link ApiMode#ASYNCHRONOUS}
     * @throws NullPointerException if {@code q} is null
     */
    public static boolean isSettableAsynchronously(Qualification q) {
        return QualificationRules.of(q).isSettableThrough(ApiMode.ASYNCHRONOUS);
    }
}
