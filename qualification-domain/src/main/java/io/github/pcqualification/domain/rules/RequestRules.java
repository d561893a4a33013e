package io.github.pcqualification.domain.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import java.util.List;

/**
 * The rules a request must meet before anything is sent: which values each API can set and which
 * extra data each value takes. A request that breaks one is refused locally, naming every broken rule.
 */
public final class RequestRules {

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

        if (q == Qualification.NONE || q == Qualification.NONPROFIT) {
            violations.add(new RuleViolation(Rule.NEVER_SETTABLE,
                    q.wireName() + " cannot be set by a partner"));
        } else if (mode == ApiMode.SYNCHRONOUS && !isSettableSynchronously(q)) {
            violations.add(new RuleViolation(Rule.NOT_SETTABLE_SYNCHRONOUSLY,
                    q.wireName() + " can only be set through the asynchronous API"));
        }

        if (q == Qualification.GOVERNMENT_COMMUNITY_CLOUD && request.validationCode().isEmpty()) {
            violations.add(new RuleViolation(Rule.VALIDATION_CODE_REQUIRED,
                    "GovernmentCommunityCloud needs the partner's validation code"));
        }
        if (q != Qualification.GOVERNMENT_COMMUNITY_CLOUD && request.validationCode().isPresent()) {
            violations.add(new RuleViolation(Rule.VALIDATION_CODE_NOT_ACCEPTED,
                    "only GovernmentCommunityCloud takes a validation code, not " + q.wireName()));
        }

        boolean educationDetails = request.educationSegment().isPresent() || request.website().isPresent();
        if (q == Qualification.EDUCATION && mode == ApiMode.ASYNCHRONOUS && request.educationSegment().isEmpty()) {
            violations.add(new RuleViolation(Rule.EDUCATION_SEGMENT_REQUIRED,
                    "Education through the asynchronous API needs an education segment (K12 or HigherEducation)"));
        }
        if (educationDetails && (q != Qualification.EDUCATION || mode == ApiMode.SYNCHRONOUS)) {
            violations.add(new RuleViolation(Rule.EDUCATION_DETAILS_NOT_ACCEPTED,
                    q == Qualification.EDUCATION
                            ? "an education segment or website is only sent through the asynchronous API"
                            : "only Education takes an education segment or website, not " + q.wireName()));
        }
        return violations.build();
    }

    /**
     * Whether the synchronous {@code PUT} can set a value: only Education and GovernmentCommunityCloud.
     *
     * @param q the qualification
     * @return true for Education and GovernmentCommunityCloud
     * @throws NullPointerException if {@code q} is null
     */
    public static boolean isSettableSynchronously(Qualification q) {
        checkNotNull(q, "qualification");
        return q == Qualification.EDUCATION || q == Qualification.GOVERNMENT_COMMUNITY_CLOUD;
    }

    /**
     * Whether the asynchronous {@code POST} can request a value.
     *
     * @param q the qualification
     * @return true for Education, GovernmentCommunityCloud and StateOwnedEntity
     * @throws NullPointerException if {@code q} is null
     */
    public static boolean isSettableAsynchronously(Qualification q) {
        checkNotNull(q, "qualification");
        return isSettableSynchronously(q) || q == Qualification.STATE_OWNED_ENTITY;
    }
}
