package io.github.pcqualification.app.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the library makes when it is given an {@code ObservationRegistry}: their names and keys. Every
 * key value comes from a short fixed list (the correlation id aside, which is high-cardinality); no customer id,
 * token or text of the service is ever one.
 */
public enum QualificationObservationDocumentation implements ObservationDocumentation {

    /**
     * One call of the embedding API ({@code update}, {@code get}, {@code listValidationCodes},
     * {@code listValidations}), from the call to its outcome, retries and waits included.
     */
    OPERATION {
        @Override
        public String getName() {
            return "partnercenter.qualification.operation";
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultOperationObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return OperationKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return OperationHighCardinalityKeys.values();
        }
    },

    /**
     * One request of an operation to the port behind the retries (Partner Center over REST, or the ports given to
     * the builder), a child of its {@link #OPERATION}: an operation retried twice has three.
     */
    ATTEMPT {
        @Override
        public String getName() {
            return "partnercenter.qualification.attempt";
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultAttemptObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return AttemptKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return AttemptHighCardinalityKeys.values();
        }
    },

    /**
     * A wait because the service throttled: the retry's wait after a throttled attempt, or a wait at a
     * {@code SharedThrottle} while a job-wide pause is under way. A child of its {@link #OPERATION}; a meter handler
     * makes a timer of it.
     */
    THROTTLED_WAIT {
        @Override
        public String getName() {
            return "partnercenter.qualification.throttled";
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultThrottledWaitObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return ThrottledWaitKeys.values();
        }
    };

    /** Low-cardinality keys of {@link #OPERATION}. */
    public enum OperationKeys implements KeyName {
        /** {@code update}, {@code get}, {@code codes} or {@code validations}. */
        OPERATION {
            @Override
            public String asString() {
                return "operation";
            }
        },
        /** {@code sync} or {@code async}: the API chosen with the builder's {@code api(ApiMode)}. */
        API {
            @Override
            public String asString() {
                return "api";
            }
        },
        /**
         * The outcome's kind: {@code updated}, {@code unchanged}, {@code found}, {@code listed},
         * {@code invalid_request}, {@code rejected}, {@code not_found}, {@code unavailable},
         * {@code authentication_failed}; {@code none} when the call threw (a programming error, such as a null
         * argument).
         */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        }
    }

    /** High-cardinality keys of {@link #OPERATION}. */
    public enum OperationHighCardinalityKeys implements KeyName {
        /** The operation's {@code MS-CorrelationId}; {@code none} when the call threw. */
        CORRELATION_ID {
            @Override
            public String asString() {
                return "correlation.id";
            }
        }
    }

    /** Low-cardinality keys of {@link #ATTEMPT}. */
    public enum AttemptKeys implements KeyName {
        /**
         * The port method called: {@code set_qualification}, {@code request_qualification},
         * {@code get_qualification}, {@code get_qualifications}, {@code list_validation_codes} or
         * {@code list_validations}. An update the service refused reads the customer once more: that read is an
         * attempt of the same operation with its own {@code call}.
         */
        CALL {
            @Override
            public String asString() {
                return "call";
            }
        },
        /**
         * The attempt's number for this request, {@code 1} for the first; at most the retry policy's
         * {@code maxAttempts}, so a handful of values.
         */
        ATTEMPT {
            @Override
            public String asString() {
                return "attempt";
            }
        },
        /**
         * The HTTP status of a failed attempt's answer, such as {@code 429} or {@code 503}; {@code none} when no
         * answer arrived (connection, timeout) or the failure was found before sending; {@code 2xx} for a
         * success, since ports report outcomes, not status codes.
         */
        STATUS {
            @Override
            public String asString() {
                return "status";
            }
        },
        /**
         * Why this attempt asks for a retry, from its failure: {@code throttled}, {@code server_error},
         * {@code timed_out} or {@code connection_failed} (a transient {@code Unavailable}); {@code none} for a
         * success or a final failure. Whether the retry happens is the retry policy's decision (attempts,
         * deadline).
         */
        RETRY_REASON {
            @Override
            public String asString() {
                return "retry.reason";
            }
        }
    }

    /** High-cardinality keys of {@link #ATTEMPT}. */
    public enum AttemptHighCardinalityKeys implements KeyName {
        /** The operation's {@code MS-CorrelationId}, the same on every attempt. */
        CORRELATION_ID {
            @Override
            public String asString() {
                return "correlation.id";
            }
        }
    }

    /** Low-cardinality keys of {@link #THROTTLED_WAIT}. */
    public enum ThrottledWaitKeys implements KeyName {
        /**
         * {@code retry_after}: the wait before retrying a throttled attempt (its {@code Retry-After}, or the backoff
         * when longer); {@code shared_pause}: a wait at a {@code SharedThrottle} while a pause another request
         * started is under way.
         */
        SOURCE {
            @Override
            public String asString() {
                return "source";
            }
        }
    }
}
