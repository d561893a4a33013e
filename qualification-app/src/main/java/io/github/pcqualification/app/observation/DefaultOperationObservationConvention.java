package io.github.pcqualification.app.observation;

import io.github.pcqualification.app.observation.QualificationObservationDocumentation.OperationHighCardinalityKeys;
import io.github.pcqualification.app.observation.QualificationObservationDocumentation.OperationKeys;
import io.micrometer.common.KeyValues;

/**
 * The keys {@link QualificationObservationDocumentation#OPERATION} documents: {@code operation}, {@code api},
 * {@code outcome}, and the high-cardinality {@code correlation.id}. Extend it to add keys.
 */
public class DefaultOperationObservationConvention implements OperationObservationConvention {

    /** The convention the library uses unless given another. */
    public static final DefaultOperationObservationConvention INSTANCE = new DefaultOperationObservationConvention();

    /** A convention with the documented name and keys; subclasses add their own. */
    public DefaultOperationObservationConvention() {}

    /** {@code none}: the value of a key with nothing to say. */
    static final String NONE = "none";

    @Override
    public String getName() {
        return QualificationObservationDocumentation.OPERATION.getName();
    }

    /** {@code partnercenter update}, {@code partnercenter get}...: a span's name. */
    @Override
    public String getContextualName(OperationObservationContext context) {
        return "partnercenter " + context.operation().value();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(OperationObservationContext context) {
        String api = switch (context.api()) {
            case SYNCHRONOUS -> "sync";
            case ASYNCHRONOUS -> "async";
        };
        return KeyValues.of(OperationKeys.OPERATION.withValue(context.operation().value()),
                OperationKeys.API.withValue(api),
                OperationKeys.OUTCOME.withValue(context.outcomeKind().map(OperationObservationContext.OutcomeKind::value)
                        .orElse(NONE)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(OperationObservationContext context) {
        return KeyValues.of(OperationHighCardinalityKeys.CORRELATION_ID.withValue(context.outcome()
                .map(o -> o.correlationId().value().toString()).orElse(NONE)));
    }
}
