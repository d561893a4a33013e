package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A request to give a customer a qualification. Its values are each valid on their own; whether the
 * combination is acceptable is decided by {@link io.github.pcqualification.domain.rules.RequestRules},
 * so a wrong combination is refused with a reason instead of being impossible to express.
 *
 * @param customer the customer to qualify
 * @param qualification the qualification asked for
 * @param validationCode the partner's validation code (GovernmentCommunityCloud needs one)
 * @param educationSegment the education segment (the asynchronous API needs one for Education)
 * @param website the customer's website, which the asynchronous API may take for Education
 */
public record QualificationRequest(
        CustomerId customer,
        Qualification qualification,
        Optional<ValidationCode> validationCode,
        Optional<EducationSegment> educationSegment,
        Optional<Website> website) {

    /**
     * Checks that no component is null; the rules check the combination.
     *
     * @param customer the customer to qualify
     * @param qualification the qualification asked for
     * @param validationCode the partner's validation code, or empty
     * @param educationSegment the education segment, or empty
     * @param website the customer's website, or empty
     * @throws NullPointerException if any component is null
     */
    public QualificationRequest {
        checkNotNull(customer, "customer");
        checkNotNull(qualification, "qualification");
        checkNotNull(validationCode, "validationCode");
        checkNotNull(educationSegment, "educationSegment");
        checkNotNull(website, "website");
    }

    /**
     * Education as the synchronous API takes it, with no segment.
     *
     * @param customer the customer to qualify
     * @return the request
     */
    public static QualificationRequest education(CustomerId customer) {
        return of(customer, Qualification.EDUCATION);
    }

    /**
     * Education with the segment and optional website the asynchronous API wants.
     *
     * @param customer the customer to qualify
     * @param segment the customer's education segment
     * @param website the customer's website, or empty
     * @return the request
     */
    public static QualificationRequest education(CustomerId customer, EducationSegment segment, Optional<Website> website) {
        return new QualificationRequest(customer, Qualification.EDUCATION, Optional.empty(), Optional.of(segment), website);
    }

    /**
     * GovernmentCommunityCloud with the partner's validation code.
     *
     * @param customer the customer to qualify
     * @param code the partner's validation code
     * @return the request
     */
    public static QualificationRequest governmentCommunityCloud(CustomerId customer, ValidationCode code) {
        return new QualificationRequest(customer, Qualification.GOVERNMENT_COMMUNITY_CLOUD, Optional.of(code),
                Optional.empty(), Optional.empty());
    }

    /**
     * Any qualification with no extra data (the rules decide whether that is enough).
     *
     * @param customer the customer to qualify
     * @param qualification the qualification asked for
     * @return the request, with no code, segment or website
     */
    public static QualificationRequest of(CustomerId customer, Qualification qualification) {
        return new QualificationRequest(customer, qualification, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This request with a validation code, replacing any it had.
     *
     * @param code the partner's validation code
     * @return a new request; this one is unchanged
     */
    public QualificationRequest withValidationCode(ValidationCode code) {
        return new QualificationRequest(customer, qualification, Optional.of(code), educationSegment, website);
    }
}
