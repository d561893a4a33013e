package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.UUID;

/**
 * The {@code MS-RequestId} of one logical operation: the same on every retry of it, because the
 * service uses it as an idempotency key.
 */
public record RequestId(UUID value) {

    public RequestId {
        checkNotNull(value, "request id");
    }

    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
