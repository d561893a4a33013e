package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One of the partner's validation codes, as {@code GET /v1/customers/all/validations} lists it. The
 * counts may be absent; a code with no remaining creates is used up.
 */
public record PartnerValidationCode(
        ValidationCode code,
        Optional<String> partnerId,
        Optional<String> organizationName,
        OptionalInt maxCreates,
        OptionalInt remainingCreates,
        Optional<String> eTag) {

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

    /** A code known only by its value, with unknown counts. */
    public static PartnerValidationCode of(ValidationCode code) {
        return new PartnerValidationCode(code, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
    }

    /** True when the service says no creates remain ({@code remainingCreates == 0}). */
    public boolean isUsedUp() {
        return remainingCreates.isPresent() && remainingCreates.getAsInt() == 0;
    }
}
