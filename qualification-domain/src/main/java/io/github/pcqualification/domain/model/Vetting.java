package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;

/** Where the service's vetting of an asynchronously requested qualification stands. */
public record Vetting(VettingStatus status, Optional<String> reason, Optional<Instant> createdAt) {

    public Vetting {
        checkNotNull(status, "status");
        checkNotNull(reason, "reason");
        checkNotNull(createdAt, "createdAt");
    }

    public static Vetting of(VettingStatus status) {
        return new Vetting(status, Optional.empty(), Optional.empty());
    }
}
