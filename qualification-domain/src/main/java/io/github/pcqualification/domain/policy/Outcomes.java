package io.github.pcqualification.domain.policy;

import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.util.Optional;

/** What the resilience decorator needs to know of an outcome, read from its type and fields, never from a status. */
final class Outcomes {

    private Outcomes() {}

    /** The failure, if the outcome is one. */
    static Optional<Failure> failureOf(Outcome outcome) {
        return outcome instanceof Failure failure ? Optional.of(failure) : Optional.empty();
    }

    /** The failure, if another attempt may succeed. */
    static Optional<Unavailable> transientFailure(Failure failure) {
        // TODO(fold) replaced by foldFailure once it lands
        return failure instanceof Unavailable u && u.isTransient() ? Optional.of(u) : Optional.empty();
    }

    /** The requests one attempt sent: what the port counted where it says, else one. */
    static int requests(Failure failure) {
        if (failure instanceof Unavailable u) {
            return u.attempts();
        }
        if (failure instanceof AuthenticationFailed a) {
            return a.attempts();
        }
        return failure instanceof io.github.pcqualification.domain.outcome.InvalidRequest ? 0 : 1;
    }

    /** The same failure, counting {@code requests} for the whole operation where the failure counts them. */
    static Failure withRequests(Failure failure, int requests) {
        if (failure instanceof Unavailable u) {
            return u.withAttempts(requests);
        }
        if (failure instanceof AuthenticationFailed a) {
            return a.withAttempts(requests);
        }
        return failure;
    }
}
