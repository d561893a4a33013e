package io.github.pcqualification.app.observation;

import io.github.pcqualification.app.observation.QualificationObservationDocumentation.ThrottledWaitKeys;
import io.micrometer.common.KeyValues;

/**
 * The key {@link QualificationObservationDocumentation#THROTTLED_WAIT} documents: {@code source}. Extend it to add
 * keys.
 */
public class DefaultThrottledWaitObservationConvention implements ThrottledWaitObservationConvention {

    /** The convention the library uses unless given another. */
    public static final DefaultThrottledWaitObservationConvention INSTANCE =
            new DefaultThrottledWaitObservationConvention();

    /** A convention with the documented name and key; subclasses add their own. */
    public DefaultThrottledWaitObservationConvention() {}

    @Override
    public String getName() {
        return QualificationObservationDocumentation.THROTTLED_WAIT.getName();
    }

    /** {@code partnercenter throttled}: a span's name. */
    @Override
    public String getContextualName(ThrottledWaitObservationContext context) {
        return "partnercenter throttled";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ThrottledWaitObservationContext context) {
        return KeyValues.of(ThrottledWaitKeys.SOURCE.withValue(context.source().value()));
    }
}
