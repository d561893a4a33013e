package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One of the partner's validation codes, as {@code GET /v1/customers/all/validations} lists it. The
 * counts may be absent; a code with no remaining creates is used up.
 *
 * @param code the code itself ({@code validationId})
 * @param partnerId the partner's id, if listed
 * @param organizationName the partner's organization name, if listed
 * @param maxCreates how many customers the code may qualify in all, if listed
 * @param remainingCreates how many it may still qualify, if listed
 * @param eTag the service's entity tag for the code, if listed
 */
public record PartnerValidationCode(
        ValidationCode code,
        Optional<String> partnerId,
        Optional<String> organizationName,
        OptionalInt maxCreates,
        OptionalInt remainingCreates,
        Optional<String> eTag) {

    /**
     * Checks the components.
     *
     * @param code the code itself
     * @param partnerId the partner's id, or empty
     * @param organizationName the partner's organization name, or empty
     * @param maxCreates the total number of creates, or empty
     * @param remainingCreates the number of creates left, or empty
     * @param eTag the entity tag, or empty
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if a count is negative
     */
    public PartnerValidationCode {
        checkNotNull(code, "code");
        checkNotNull(partnerId, "partnerId");
        checkNotNull(organizationName, "organizationName");
        checkNotNull(maxCreates, "maxCreates");
        checkNotNull(remainingCreates, "remainingCreates");
        checkNotNull(eTag, "eTag");
        checkArgument(maxCreates.orElse(0) >= 0, "maxCreates must not be negative");
        checkArgument(remainingCreates.orElse(0) >= 0, "remainingCreates must not be negative");
    }

    /**
     * A code known only by its value, with unknown counts.
     *
     * @param code the code
     * @return the code with every other component empty
     */
    public static PartnerValidationCode of(ValidationCode code) {
        return new PartnerValidationCode(code, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
    }

    /**
     * Whether the code can qualify no more customers.
     *
     * @return true when the service says no creates remain ({@code remainingCreates == 0}); false when some
     *     remain or the count is unknown
     */
    public boolean isUsedUp() {
        return remainingCreates.isPresent() && remainingCreates.getAsInt() == 0;
    }
}
