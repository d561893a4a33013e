package io.github.pcqualification.domain.rules;

/**
 * The named rules of Partner Center qualifications that this library checks or emulates. Which values
 * each rule concerns is {@link QualificationRules}' business; the examples below are today's table.
 */
public enum Rule {
    /** None and Nonprofit can never be set by a partner. */
    NEVER_SETTABLE,
    /** The synchronous API sets only Education and GovernmentCommunityCloud. */
    NOT_SETTABLE_SYNCHRONOUSLY,
    /** GovernmentCommunityCloud needs the partner's validation code. */
    VALIDATION_CODE_REQUIRED,
    /** Only GovernmentCommunityCloud takes a validation code. */
    VALIDATION_CODE_NOT_ACCEPTED,
    /** The asynchronous API needs an education segment (K12 or HigherEducation) for Education. */
    EDUCATION_SEGMENT_REQUIRED,
    /** Only Education takes an education segment or a website, and only through the asynchronous API. */
    EDUCATION_DETAILS_NOT_ACCEPTED,
    /** A qualification, once set, cannot be changed to another. */
    IRREVERSIBLE,
    /**
     * Two values the table says exclude each other cannot be held together (today only Education and
     * GovernmentCommunityCloud, hence the name).
     */
    EDUCATION_GCC_EXCLUSIVE
}
