package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The identity of one logical operation: its correlation id and its request id. Made once per
 * operation by the use case, kept across retries, and carried by every outcome.
 *
 * @param correlationId the {@code MS-CorrelationId} of the operation
 * @param requestId the {@code MS-RequestId} of the operation, the same on every retry
 */
public record OperationContext(CorrelationId correlationId, RequestId requestId) {

    /**
     * Checks the components.
     *
     * @param correlationId the {@code MS-CorrelationId} of the operation
     * @param requestId the {@code MS-RequestId} of the operation
     * @throws NullPointerException if either is null
     */
    public OperationContext {
        checkNotNull(correlationId, "correlationId");
        checkNotNull(requestId, "requestId");
    }

    /**
     * Fresh ids for a new operation.
     *
     * @return a context with a new random correlation id and request id
     */
    public static OperationContext newOperation() {
        return new OperationContext(CorrelationId.random(), RequestId.random());
    }
}
