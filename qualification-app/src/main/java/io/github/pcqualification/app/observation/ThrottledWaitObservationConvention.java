package io.github.pcqualification.app.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of a throttled wait's observation; implement it (or extend {@link DefaultThrottledWaitObservationConvention})
 * and give it to the builder's {@code observationConvention(...)} to change them.
 */
public interface ThrottledWaitObservationConvention extends ObservationConvention<ThrottledWaitObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ThrottledWaitObservationContext;
    }
}
