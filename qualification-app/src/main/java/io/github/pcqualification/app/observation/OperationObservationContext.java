package io.github.pcqualification.app.observation;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.outcome.Outcome;
import io.micrometer.observation.Observation;
import java.util.Locale;
import java.util.Optional;

/**
 * Observation context of one call of the embedding API ({@link QualificationObservationDocumentation#OPERATION}): which
 * call, through which API, and, once it returned, its outcome and the outcome's kind. The library sets the outcome
 * before the observation stops.
 */
public final class OperationObservationContext extends Observation.Context {

    /** The call of the embedding API. */
    public enum Operation {
        /** {@code update(QualificationRequest)}. */
        UPDATE,
        /** {@code get(CustomerId)}. */
        GET,
        /** {@code listValidationCodes()}. */
        CODES,
        /** {@code listValidations(CustomerId)}. */
        VALIDATIONS;

        /**
         * The key value.
         *
         * @return the name in lower case, such as {@code update}
         */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kind of an outcome, one per variant of the sealed outcome families. */
    public enum OutcomeKind {
        /** {@code Updated}. */
        UPDATED,
        /** {@code Unchanged}. */
        UNCHANGED,
        /** {@code Found}. */
        FOUND,
        /** {@code CodesListed} or {@code ValidationsListed}. */
        LISTED,
        /** {@code InvalidRequest}: refused before anything was sent. */
        INVALID_REQUEST,
        /** {@code Rejected}. */
        REJECTED,
        /** {@code NotFound}. */
        NOT_FOUND,
        /** {@code Unavailable}, after the retries. */
        UNAVAILABLE,
        /** {@code AuthenticationFailed}. */
        AUTHENTICATION_FAILED;

        /**
         * The key value.
         *
         * @return the name in lower case, such as {@code not_found}
         */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Operation operation;
    private final ApiMode api;
    private Outcome outcome;
    private OutcomeKind outcomeKind;

    /**
     * A context for a call that has not returned yet.
     *
     * @param operation the call
     * @param api the API the client goes through
     * @throws NullPointerException if either is null
     */
    public OperationObservationContext(Operation operation, ApiMode api) {
        this.operation = checkNotNull(operation, "operation");
        this.api = checkNotNull(api, "api");
    }

    /**
     * The call observed.
     *
     * @return the operation
     */
    public Operation operation() {
        return operation;
    }

    /**
     * The API the client updates and reads through.
     *
     * @return the builder's {@code ApiMode}
     */
    public ApiMode api() {
        return api;
    }

    /**
     * What the call returned.
     *
     * @return the outcome; empty until the call returned, and when it threw
     */
    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The kind of what the call returned.
     *
     * @return the kind; empty until the call returned, and when it threw
     */
    public Optional<OutcomeKind> outcomeKind() {
        return Optional.ofNullable(outcomeKind);
    }

    /**
     * Records what the call returned; the library calls it before the observation stops.
     *
     * @param outcome the outcome
     * @param kind its kind
     * @throws NullPointerException if either is null
     */
    public void setOutcome(Outcome outcome, OutcomeKind kind) {
        this.outcome = checkNotNull(outcome, "outcome");
        this.outcomeKind = checkNotNull(kind, "kind");
    }
}
