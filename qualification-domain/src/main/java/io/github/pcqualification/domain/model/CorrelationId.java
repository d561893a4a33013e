package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.UUID;

/** The {@code MS-CorrelationId} of one logical operation: quote it when asking Microsoft about a call. */
public record CorrelationId(UUID value) {

    public CorrelationId {
        checkNotNull(value, "correlation id");
    }

    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
