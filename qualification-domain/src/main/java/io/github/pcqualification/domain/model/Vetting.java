package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the service's vetting of an asynchronously requested qualification stands.
 *
 * @param status the vetting status
 * @param reason the service's reason, if it gave one (a denial usually does)
 * @param createdAt when the vetting was created, if the service said
 */
public record Vetting(VettingStatus status, Optional<String> reason, Optional<Instant> createdAt) {

    /**
     * Checks the components.
     *
     * @param status the vetting status
     * @param reason the service's reason, or empty
     * @param createdAt when the vetting was created, or empty
     * @throws NullPointerException if any component is null
     */
    public Vetting {
        checkNotNull(status, "status");
        checkNotNull(reason, "reason");
        checkNotNull(createdAt, "createdAt");
    }

    /**
     * A vetting known only by its status.
     *
     * @param status the vetting status
     * @return the vetting, with no reason and no date
     */
    public static Vetting of(VettingStatus status) {
        return new Vetting(status, Optional.empty(), Optional.empty());
    }
}
