package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The identity of one logical operation: its correlation id and its request id. Made once per
 * operation by the use case, kept across retries, and carried by every outcome.
 */
public record OperationContext(CorrelationId correlationId, RequestId requestId) {

    public OperationContext {
        checkNotNull(correlationId, "correlationId");
        checkNotNull(requestId, "requestId");
    }

    /** Fresh ids for a new operation. */
    public static OperationContext newOperation() {
        return new OperationContext(CorrelationId.random(), RequestId.random());
    }
}
