package io.github.pcqualification.domain.outcome;

import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.RequestId;

/** What every outcome carries: the ids of the operation it ends, so any result can be traced. */
public interface Outcome {

    OperationContext context();

    default CorrelationId correlationId() {
        return context().correlationId();
    }

    default RequestId requestId() {
        return context().requestId();
    }
}
