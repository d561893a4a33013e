package io.github.pcqualification.app.observation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.micrometer.observation.Observation;
import java.util.Locale;
import java.util.Optional;

/**
 * Observation context of one attempt ({@link QualificationObservationDocumentation#ATTEMPT}): one call of the port
 * behind the retries, with the operation's ids and, once it returned, its outcome.
 */
public final class AttemptObservationContext extends Observation.Context {

    /** The port method an attempt calls. */
    public enum Call {
        /** {@code QualificationPort.setQualification}: the synchronous update. */
        SET_QUALIFICATION,
        /** {@code QualificationPort.requestQualification}: the asynchronous update. */
        REQUEST_QUALIFICATION,
        /** {@code QualificationPort.getQualification}: the synchronous read. */
        GET_QUALIFICATION,
        /** {@code QualificationPort.getQualifications}: the asynchronous read. */
        GET_QUALIFICATIONS,
        /** {@code ValidationCodePort.listValidationCodes}. */
        LIST_VALIDATION_CODES,
        /** {@code ValidationCodePort.listValidations}. */
        LIST_VALIDATIONS;

        /**
         * The key value.
         *
         * @return the name in lower case, such as {@code set_qualification}
         */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Call call;
    private final int attempt;
    private final OperationContext ids;
    private Outcome outcome;
    private Failure failure;

    /**
     * A context for an attempt that has not returned yet.
     *
     * @param call the port method called
     * @param attempt the attempt's number for this request, from 1
     * @param ids the operation's ids, the same on every attempt
     * @throws NullPointerException if {@code call} or {@code ids} is null
     * @throws IllegalArgumentException if {@code attempt} is below 1
     */
    public AttemptObservationContext(Call call, int attempt, OperationContext ids) {
        this.call = checkNotNull(call, "call");
        checkArgument(attempt >= 1, "attempt must be 1 or more, got %s", attempt);
        this.attempt = attempt;
        this.ids = checkNotNull(ids, "ids");
    }

    /**
     * The port method called.
     *
     * @return the call
     */
    public Call call() {
        return call;
    }

    /**
     * The attempt's number for this request.
     *
     * @return 1 for the first attempt, 2 for the first retry...
     */
    public int attempt() {
        return attempt;
    }

    /**
     * The operation's ids, sent on every attempt.
     *
     * @return the correlation id and request id
     */
    public OperationContext ids() {
        return ids;
    }

    /**
     * What the port returned.
     *
     * @return the outcome; empty until the port returned, and when it threw
     */
    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The outcome, if it is a failure.
     *
     * @return the failure; empty for a success, until the port returned, and when it threw
     */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Why this attempt asks for a retry: the reason of its failure when that failure is a
     * {@linkplain Unavailable#isTransient() transient} {@link Unavailable}.
     *
     * @return the reason; empty for a success or a final failure
     */
    public Optional<Unavailable.Reason> retryReason() {
        return failure().flatMap(f -> f.<Optional<Unavailable.Reason>>foldFailure(invalid -> Optional.empty(),
                rejected -> Optional.empty(), notFound -> Optional.empty(),
                unavailable -> unavailable.isTransient() ? Optional.of(unavailable.reason()) : Optional.empty(),
                authentication -> Optional.empty()));
    }

    /**
     * Records what the port returned; the library calls it before the observation stops.
     *
     * @param outcome the outcome
     * @param failure the outcome as a failure, empty for a success
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if {@code failure} is present and is not {@code outcome}
     */
    public void setOutcome(Outcome outcome, Optional<Failure> failure) {
        checkNotNull(outcome, "outcome");
        checkNotNull(failure, "failure");
        checkArgument(failure.isEmpty() || failure.get() == outcome, "failure must be the outcome itself");
        this.outcome = outcome;
        this.failure = failure.orElse(null);
    }
}
