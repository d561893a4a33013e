package io.github.pcqualification.domain.policy;

import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import java.util.Optional;

/** What the resilience decorator needs to know of an outcome, read from its type and fields, never from a status. */
final class Outcomes {

    private Outcomes() {}

    /** The failure, if the update failed. */
    static Optional<Failure> failureOf(UpdateOutcome outcome) {
        return outcome.foldUpdate(updated -> Optional.empty(), unchanged -> Optional.empty(), Optional::of);
    }

    /** The failure, if the read failed. */
    static Optional<Failure> failureOf(GetOutcome outcome) {
        return outcome.foldGet(found -> Optional.empty(), Optional::of);
    }

    /** The failure, if the listing failed. */
    static Optional<Failure> failureOf(CodesOutcome outcome) {
        return outcome.foldCodes(listed -> Optional.empty(), Optional::of);
    }

    /** The failure, if listing a customer's validations failed. */
    static Optional<Failure> failureOf(ValidationsOutcome outcome) {
        return outcome.foldValidations(listed -> Optional.empty(), Optional::of);
    }

    /** The failure, if another attempt may succeed. */
    static Optional<Unavailable> transientFailure(Failure failure) {
        return failure.foldFailure(invalid -> Optional.empty(), rejected -> Optional.empty(),
                notFound -> Optional.empty(), unavailable -> Optional.of(unavailable).filter(Unavailable::isTransient),
                authentication -> Optional.empty());
    }

    /** The requests one attempt sent: what the port counted where it says; none for a request refused locally. */
    static int requests(Failure failure) {
        return failure.foldFailure(invalid -> 0, rejected -> 1, notFound -> 1, Unavailable::attempts,
                AuthenticationFailed::attempts);
    }

    /** The same failure, counting {@code requests} for the whole operation where the failure counts them. */
    static Failure withRequests(Failure failure, int requests) {
        return failure.foldFailure(invalid -> invalid, rejected -> rejected, notFound -> notFound,
                unavailable -> unavailable.withAttempts(requests),
                authentication -> authentication.withAttempts(requests));
    }
}
