package io.github.pcqualification.app.observation;

import io.github.pcqualification.app.observation.QualificationObservationDocumentation.AttemptHighCardinalityKeys;
import io.github.pcqualification.app.observation.QualificationObservationDocumentation.AttemptKeys;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The keys {@link QualificationObservationDocumentation#ATTEMPT} documents: {@code call}, {@code attempt},
 * {@code status}, {@code retry.reason}, and the high-cardinality {@code correlation.id}. Extend it to add keys.
 *
 * <p>It is the one class above the adapters that reads an answer's HTTP status ({@link ErrorDetail#httpStatus()}),
 * to report it; nothing decides by it. A success is {@code 2xx}: ports report outcomes, not status codes.
 */
public class DefaultAttemptObservationConvention implements AttemptObservationConvention {

    /** The convention the library uses unless given another. */
    public static final DefaultAttemptObservationConvention INSTANCE = new DefaultAttemptObservationConvention();

    /** The status of a success. */
    static final String SUCCESS = "2xx";

    /** A convention with the documented name and keys; subclasses add their own. */
    public DefaultAttemptObservationConvention() {}

    @Override
    public String getName() {
        return QualificationObservationDocumentation.ATTEMPT.getName();
    }

    /** {@code partnercenter set_qualification}...: a span's name. */
    @Override
    public String getContextualName(AttemptObservationContext context) {
        return "partnercenter " + context.call().value();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(AttemptObservationContext context) {
        return KeyValues.of(AttemptKeys.CALL.withValue(context.call().value()),
                AttemptKeys.ATTEMPT.withValue(Integer.toString(context.attempt())),
                AttemptKeys.STATUS.withValue(status(context)),
                AttemptKeys.RETRY_REASON.withValue(context.retryReason().map(DefaultAttemptObservationConvention::reason)
                        .orElse(DefaultOperationObservationConvention.NONE)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(AttemptObservationContext context) {
        return KeyValues.of(AttemptHighCardinalityKeys.CORRELATION_ID.withValue(
                context.ids().correlationId().value().toString()));
    }

    private static String status(AttemptObservationContext context) {
        if (context.outcome().isEmpty()) {
            return DefaultOperationObservationConvention.NONE;
        }
        return context.failure().map(failure -> failure.foldFailure(
                invalid -> DefaultOperationObservationConvention.NONE,
                rejected -> status(rejected.error()),
                notFound -> status(notFound.error()),
                unavailable -> status(unavailable.error()),
                authentication -> authentication.problem().remote().map(DefaultAttemptObservationConvention::status)
                        .orElse(DefaultOperationObservationConvention.NONE)))
                .orElse(SUCCESS);
    }

    private static String status(ErrorDetail error) {
        return error.httpStatus().isPresent() ? Integer.toString(error.httpStatus().getAsInt())
                : DefaultOperationObservationConvention.NONE;
    }

    private static String reason(Unavailable.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
