package io.github.pcqualification.app.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The name and keys of an attempt's observation; implement it (or extend {@link DefaultAttemptObservationConvention})
 * and give it to the builder's {@code observationConvention(...)} to change them.
 */
public interface AttemptObservationConvention extends ObservationConvention<AttemptObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof AttemptObservationContext;
    }
}
