package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A request to give a customer a qualification. Its values are each valid on their own; whether the
 * combination is acceptable is decided by {@link io.github.pcqualification.domain.rules.RequestRules},
 * so a wrong combination is refused with a reason instead of being impossible to express.
 */
public record QualificationRequest(
        CustomerId customer,
        Qualification qualification,
        Optional<ValidationCode> validationCode,
        Optional<EducationSegment> educationSegment,
        Optional<Website> website) {

    public QualificationRequest {
        checkNotNull(customer, "customer");
        checkNotNull(qualification, "qualification");
        checkNotNull(validationCode, "validationCode");
        checkNotNull(educationSegment, "educationSegment");
        checkNotNull(website, "website");
    }

    /** Education (synchronous API: no segment needed). */
    public static QualificationRequest education(CustomerId customer) {
        return of(customer, Qualification.EDUCATION);
    }

    /** Education with the segment and optional website the asynchronous API wants. */
    public static QualificationRequest education(CustomerId customer, EducationSegment segment, Optional<Website> website) {
        return new QualificationRequest(customer, Qualification.EDUCATION, Optional.empty(), Optional.of(segment), website);
    }

    /** GovernmentCommunityCloud with the partner's validation code. */
    public static QualificationRequest governmentCommunityCloud(CustomerId customer, ValidationCode code) {
        return new QualificationRequest(customer, Qualification.GOVERNMENT_COMMUNITY_CLOUD, Optional.of(code),
                Optional.empty(), Optional.empty());
    }

    /** Any qualification with no extra data (the rules decide whether that is enough). */
    public static QualificationRequest of(CustomerId customer, Qualification qualification) {
        return new QualificationRequest(customer, qualification, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public QualificationRequest withValidationCode(ValidationCode code) {
        return new QualificationRequest(customer, qualification, Optional.of(code), educationSegment, website);
    }
}
