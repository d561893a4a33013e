package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.UUID;

/**
 * The {@code MS-CorrelationId} of one logical operation: quote it when asking Microsoft about a call.
 *
 * @param value the id sent in the header
 */
public record CorrelationId(UUID value) {

    /**
     * Wraps an id.
     *
     * @param value the id sent in the header
     * @throws NullPointerException if {@code value} is null
     */
    public CorrelationId {
        checkNotNull(value, "correlation id");
    }

    /**
     * A new random (version 4) id, for a new operation.
     *
     * @return a correlation id no other operation has
     */
    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID());
    }

    /** The id in its canonical text form, as sent on the wire. */
    @Override
    public String toString() {
        return value.toString();
    }
}
