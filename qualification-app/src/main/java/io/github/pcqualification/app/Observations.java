package io.github.pcqualification.app;

import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.util.function.Supplier;

/**
 * What the client observes: each call of the embedding API, each attempt of the ports under the retries, each
 * throttled wait. Names no Micrometer type, so a client built without a registry ({@link #none()}) loads none:
 * Micrometer is an optional dependency. {@link MicrometerObservations} is the one implementation that observes.
 */
interface Observations {

    UpdateOutcome update(Supplier<UpdateOutcome> call);

    GetOutcome get(Supplier<GetOutcome> call);

    CodesOutcome codes(Supplier<CodesOutcome> call);

    ValidationsOutcome validations(Supplier<ValidationsOutcome> call);

    /** The ports the retries call, each call observed as an attempt. */
    QualificationPort attemptsOf(QualificationPort port);

    /** The ports the retries call, each call observed as an attempt. */
    ValidationCodePort attemptsOf(ValidationCodePort port);

    /** The sleeper of the retries, a wait after a throttled attempt observed. */
    Sleeper waits(Sleeper sleeper);

    /** The gate of the retries, a wait for a shared pause observed. */
    RequestGate waits(RequestGate gate);

    /**
     * Observes nothing: every call runs as it is, every port, sleeper and gate is returned as it was given.
     *
     * @return the shared no-op
     */
    static Observations none() {
        return None.INSTANCE;
    }

    /** Observes nothing. */
    enum None implements Observations {
        INSTANCE;

        @Override
        public UpdateOutcome update(Supplier<UpdateOutcome> call) {
            return call.get();
        }

        @Override
        public GetOutcome get(Supplier<GetOutcome> call) {
            return call.get();
        }

        @Override
        public CodesOutcome codes(Supplier<CodesOutcome> call) {
            return call.get();
        }

        @Override
        public ValidationsOutcome validations(Supplier<ValidationsOutcome> call) {
            return call.get();
        }

        @Override
        public QualificationPort attemptsOf(QualificationPort port) {
            return port;
        }

        @Override
        public ValidationCodePort attemptsOf(ValidationCodePort port) {
            return port;
        }

        @Override
        public Sleeper waits(Sleeper sleeper) {
            return sleeper;
        }

        @Override
        public RequestGate waits(RequestGate gate) {
            return gate;
        }
    }
}
