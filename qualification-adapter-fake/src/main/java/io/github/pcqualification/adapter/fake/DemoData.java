package io.github.pcqualification.adapter.fake;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ValidationCode;

/** Fake support: the demo data set the CLI and {@code serve-fake} start with (also listed in the README). */
public final class DemoData {

    /** Holds nothing yet. */
    public static final CustomerId FRESH_CUSTOMER = CustomerId.parse("11111111-1111-4111-8111-111111111111");
    /** Holds Education. */
    public static final CustomerId EDUCATION_CUSTOMER = CustomerId.parse("22222222-2222-4222-8222-222222222222");
    /** Holds GovernmentCommunityCloud, linked to {@link #VALIDATION_CODE} (its validations list it). */
    public static final CustomerId GCC_CUSTOMER = CustomerId.parse("33333333-3333-4333-8333-333333333333");
    /** Holds nothing yet (a second one, so a demo can use up both kinds of update). */
    public static final CustomerId SECOND_FRESH_CUSTOMER = CustomerId.parse("44444444-4444-4444-8444-444444444444");

    /** The partner's GCC validation code: 5 creates, all remaining. */
    public static final ValidationCode VALIDATION_CODE = ValidationCode.of("DEMO-GCC-12345");
    /** A used-up GCC validation code: 1 create, none remaining. */
    public static final ValidationCode USED_UP_CODE = ValidationCode.of("DEMO-USED-0000");

    private DemoData() {}

    /**
     * A new fake holding the demo data set (system clock, real sleeper).
     *
     * @return the seeded fake
     */
    public static InMemoryPartnerCenter newDemoPartnerCenter() {
        return seed(new InMemoryPartnerCenter());
    }

    /**
     * Adds the demo data set to {@code fake}, which must not hold any of it yet.
     *
     * @param fake the fake to seed
     * @return {@code fake}, for chaining
     * @throws IllegalArgumentException if {@code fake} already holds one of the demo customers or codes
     */
    public static InMemoryPartnerCenter seed(InMemoryPartnerCenter fake) {
        return fake
                .addCustomer(FRESH_CUSTOMER)
                .addCustomer(EDUCATION_CUSTOMER, Qualification.EDUCATION)
                .addCustomer(GCC_CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD)
                .addCustomer(SECOND_FRESH_CUSTOMER)
                .addValidationCode(VALIDATION_CODE, 5, 5)
                .addValidationCode(USED_UP_CODE, 1, 0)
                .linkValidation(GCC_CUSTOMER, VALIDATION_CODE);
    }
}
