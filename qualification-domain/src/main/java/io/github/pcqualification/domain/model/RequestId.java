package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.UUID;

/**
 * The {@code MS-RequestId} of one logical operation: the same on every retry of it, because the
 * service uses it as an idempotency key.
 *
 * @param value the id sent in the header
 */
public record RequestId(UUID value) {

    /**
     * Wraps an id.
     *
     * @param value the id sent in the header
     * @throws NullPointerException if {@code value} is null
     */
    public RequestId {
        checkNotNull(value, "request id");
    }

    /**
     * A new random (version 4) id, for a new operation.
     *
     * @return a request id no other operation has
     */
    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    /** The id in its canonical text form, as sent on the wire. */
    @Override
    public String toString() {
        return value.toString();
    }
}
