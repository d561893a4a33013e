package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One GCC validation linked to a customer, as {@code GET /v1/customers/{customerId}/validations} lists it: which of
 * the partner's validation codes qualified the customer for GovernmentCommunityCloud. Microsoft documents this
 * resource thinly; only the code is required, like {@link PartnerValidationCode}, and every other field may be absent.
 *
 * @param customer the customer the validation is linked to ({@code customerId})
 * @param partnerId the partner's id, if listed
 * @param validationId the validation code linked to the customer ({@code validationId})
 * @param organizationName the organization name, if listed
 * @param eTag the service's entity tag for the link, if listed
 */
public record CustomerValidation(
        CustomerId customer,
        Optional<String> partnerId,
        ValidationCode validationId,
        Optional<String> organizationName,
        Optional<String> eTag) {

    /**
     * Checks the components.
     *
     * @param customer the customer the validation is linked to
     * @param partnerId the partner's id, or empty
     * @param validationId the linked validation code
     * @param organizationName the organization name, or empty
     * @param eTag the entity tag, or empty
     * @throws NullPointerException if any component is null
     */
    public CustomerValidation {
        checkNotNull(customer, "customer");
        checkNotNull(partnerId, "partnerId");
        checkNotNull(validationId, "validationId");
        checkNotNull(organizationName, "organizationName");
        checkNotNull(eTag, "eTag");
    }

    /**
     * A validation known only by its customer and code.
     *
     * @param customer the customer the validation is linked to
     * @param validationId the linked validation code
     * @return the validation with every other component empty
     */
    public static CustomerValidation of(CustomerId customer, ValidationCode validationId) {
        return new CustomerValidation(customer, Optional.empty(), validationId, Optional.empty(), Optional.empty());
    }
}
