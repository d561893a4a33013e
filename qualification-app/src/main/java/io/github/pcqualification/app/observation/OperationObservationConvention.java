package io.github.pcqualification.app.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of a call of the embedding API's observation; implement it (or extend {@link DefaultOperationObservationConvention})
 * and give it to the builder's {@code observationConvention(...)} to change them.
 */
public interface OperationObservationConvention extends ObservationConvention<OperationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof OperationObservationContext;
    }
}
