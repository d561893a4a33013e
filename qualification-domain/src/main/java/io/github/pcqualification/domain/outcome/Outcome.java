package io.github.pcqualification.domain.outcome;

import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.RequestId;

/** What every outcome carries: the ids of the operation it ends, so any result can be traced. */
public interface Outcome {

    /**
     * The ids of the operation this outcome ends.
     *
     * @return the operation's correlation id and request id
     */
    OperationContext context();

    /**
     * The operation's {@code MS-CorrelationId}: quote it when asking Microsoft about the call.
     *
     * @return the correlation id of {@link #context()}
     */
    default CorrelationId correlationId() {
        return context().correlationId();
    }

    /**
     * The operation's {@code MS-RequestId}.
     *
     * @return the request id of {@link #context()}
     */
    default RequestId requestId() {
        return context().requestId();
    }
}
