package io.github.pcqualification.app;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.app.observation.AttemptObservationContext;
import io.github.pcqualification.app.observation.AttemptObservationConvention;
import io.github.pcqualification.app.observation.DefaultAttemptObservationConvention;
import io.github.pcqualification.app.observation.DefaultOperationObservationConvention;
import io.github.pcqualification.app.observation.DefaultThrottledWaitObservationConvention;
import io.github.pcqualification.app.observation.OperationObservationContext;
import io.github.pcqualification.app.observation.OperationObservationContext.Operation;
import io.github.pcqualification.app.observation.OperationObservationContext.OutcomeKind;
import io.github.pcqualification.app.observation.OperationObservationConvention;
import io.github.pcqualification.app.observation.QualificationObservationDocumentation;
import io.github.pcqualification.app.observation.ThrottledWaitObservationContext;
import io.github.pcqualification.app.observation.ThrottledWaitObservationContext.Source;
import io.github.pcqualification.app.observation.ThrottledWaitObservationConvention;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The observations of {@link QualificationObservationDocumentation}, on Micrometer. Only a client built with an
 * {@code ObservationRegistry} loads this class (and with it Micrometer). Every call is synchronous on the caller's
 * thread: the operation's observation is in scope while the use case runs, so each attempt and each throttled wait
 * takes it as parent; what the last attempt of this thread was (its request, its number, whether it was throttled)
 * is kept in a thread-local for the length of the operation.
 */
final class MicrometerObservations implements Observations {

    private final ObservationRegistry registry;
    private final ApiMode mode;
    private final OperationObservationConvention operationConvention;
    private final AttemptObservationConvention attemptConvention;
    private final ThrottledWaitObservationConvention waitConvention;
    private final ThreadLocal<LastAttempt> last = new ThreadLocal<>();

    /** What the previous attempt on this thread was: its request's ids, its number, whether it was throttled. */
    private static final class LastAttempt {
        OperationContext ids;
        int number;
        boolean throttled;
    }

    private MicrometerObservations(ObservationRegistry registry, ApiMode mode,
            OperationObservationConvention operationConvention, AttemptObservationConvention attemptConvention,
            ThrottledWaitObservationConvention waitConvention) {
        this.registry = registry;
        this.mode = mode;
        this.operationConvention = operationConvention;
        this.attemptConvention = attemptConvention;
        this.waitConvention = waitConvention;
    }

    /**
     * Observations into {@code registry}; a null convention means the default one (a global convention registered
     * with the registry still applies).
     */
    static Observations create(ObservationRegistry registry, ApiMode mode,
            OperationObservationConvention operationConvention, AttemptObservationConvention attemptConvention,
            ThrottledWaitObservationConvention waitConvention) {
        return new MicrometerObservations(checkNotNull(registry, "registry"), checkNotNull(mode, "mode"),
                operationConvention, attemptConvention, waitConvention);
    }

    // ------------------------------------------------------------------ operations

    @Override
    public UpdateOutcome update(Supplier<UpdateOutcome> call) {
        return operation(Operation.UPDATE, call, o -> o.foldUpdate(updated -> OutcomeKind.UPDATED,
                unchanged -> OutcomeKind.UNCHANGED, MicrometerObservations::kindOf));
    }

    @Override
    public GetOutcome get(Supplier<GetOutcome> call) {
        return operation(Operation.GET, call, o -> o.foldGet(found -> OutcomeKind.FOUND, MicrometerObservations::kindOf));
    }

    @Override
    public CodesOutcome codes(Supplier<CodesOutcome> call) {
        return operation(Operation.CODES, call,
                o -> o.foldCodes(listed -> OutcomeKind.LISTED, MicrometerObservations::kindOf));
    }

    @Override
    public ValidationsOutcome validations(Supplier<ValidationsOutcome> call) {
        return operation(Operation.VALIDATIONS, call,
                o -> o.foldValidations(listed -> OutcomeKind.LISTED, MicrometerObservations::kindOf));
    }

    private static OutcomeKind kindOf(Failure failure) {
        return failure.foldFailure(invalid -> OutcomeKind.INVALID_REQUEST, rejected -> OutcomeKind.REJECTED,
                notFound -> OutcomeKind.NOT_FOUND, unavailable -> OutcomeKind.UNAVAILABLE,
                authentication -> OutcomeKind.AUTHENTICATION_FAILED);
    }

    private <O extends Outcome> O operation(Operation operation, Supplier<O> call, Function<O, OutcomeKind> kind) {
        OperationObservationContext context = new OperationObservationContext(operation, mode);
        Observation observation = QualificationObservationDocumentation.OPERATION.observation(operationConvention,
                DefaultOperationObservationConvention.INSTANCE, () -> context, registry).start();
        LastAttempt outer = last.get();
        last.set(new LastAttempt());
        try (Observation.Scope scope = observation.openScope()) {
            O outcome = call.get();
            context.setOutcome(outcome, kind.apply(outcome));
            return outcome;
        } catch (RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            restore(outer);
            observation.stop();
        }
    }

    private void restore(LastAttempt outer) {
        if (outer == null) {
            last.remove();
        } else {
            last.set(outer);
        }
    }

    // ------------------------------------------------------------------ attempts

    @Override
    public QualificationPort attemptsOf(QualificationPort port) {
        checkNotNull(port, "port");
        return new QualificationPort() {
            @Override
            public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
                return attempt(AttemptObservationContext.Call.SET_QUALIFICATION, context,
                        () -> port.setQualification(request, context), MicrometerObservations::failureOf);
            }

            @Override
            public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
                return attempt(AttemptObservationContext.Call.REQUEST_QUALIFICATION, context,
                        () -> port.requestQualification(request, context), MicrometerObservations::failureOf);
            }

            @Override
            public GetOutcome getQualification(CustomerId customer, OperationContext context) {
                return attempt(AttemptObservationContext.Call.GET_QUALIFICATION, context,
                        () -> port.getQualification(customer, context), MicrometerObservations::failureOf);
            }

            @Override
            public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
                return attempt(AttemptObservationContext.Call.GET_QUALIFICATIONS, context,
                        () -> port.getQualifications(customer, context), MicrometerObservations::failureOf);
            }

            @Override
            public String toString() {
                return "Observed[" + port + "]";
            }
        };
    }

    @Override
    public ValidationCodePort attemptsOf(ValidationCodePort port) {
        checkNotNull(port, "port");
        return new ValidationCodePort() {
            @Override
            public CodesOutcome listValidationCodes(OperationContext context) {
                return attempt(AttemptObservationContext.Call.LIST_VALIDATION_CODES, context,
                        () -> port.listValidationCodes(context), MicrometerObservations::failureOf);
            }

            @Override
            public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
                return attempt(AttemptObservationContext.Call.LIST_VALIDATIONS, context,
                        () -> port.listValidations(customer, context), MicrometerObservations::failureOf);
            }

            @Override
            public String toString() {
                return "Observed[" + port + "]";
            }
        };
    }

    private static Optional<Failure> failureOf(UpdateOutcome outcome) {
        return outcome.foldUpdate(updated -> Optional.empty(), unchanged -> Optional.empty(), Optional::of);
    }

    private static Optional<Failure> failureOf(GetOutcome outcome) {
        return outcome.foldGet(found -> Optional.empty(), Optional::of);
    }

    private static Optional<Failure> failureOf(CodesOutcome outcome) {
        return outcome.foldCodes(listed -> Optional.empty(), Optional::of);
    }

    private static Optional<Failure> failureOf(ValidationsOutcome outcome) {
        return outcome.foldValidations(listed -> Optional.empty(), Optional::of);
    }

    private <O extends Outcome> O attempt(AttemptObservationContext.Call call, OperationContext ids, Supplier<O> port,
            Function<O, Optional<Failure>> failureOf) {
        LastAttempt previous = last.get();
        if (previous == null) {          // a port called outside an operation of this client
            previous = new LastAttempt();
        }
        int number = ids.equals(previous.ids) ? previous.number + 1 : 1;
        previous.ids = ids;
        previous.number = number;
        previous.throttled = false;
        AttemptObservationContext context = new AttemptObservationContext(call, number, ids);
        Observation observation = QualificationObservationDocumentation.ATTEMPT.observation(attemptConvention,
                DefaultAttemptObservationConvention.INSTANCE, () -> context, registry).start();
        try (Observation.Scope scope = observation.openScope()) {
            O outcome = port.get();
            context.setOutcome(outcome, failureOf.apply(outcome));
            previous.throttled = context.retryReason().filter(r -> r == Unavailable.Reason.THROTTLED).isPresent();
            return outcome;
        } catch (RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    // ------------------------------------------------------------------ throttled waits

    @Override
    public Sleeper waits(Sleeper sleeper) {
        checkNotNull(sleeper, "sleeper");
        return duration -> {
            LastAttempt previous = last.get();
            if (previous == null || !previous.throttled) {
                sleeper.sleep(duration);    // a backoff after a failure that was not throttling
                return;
            }
            previous.throttled = false;
            throttledWait(Source.RETRY_AFTER, duration, () -> sleeper.sleep(duration));
        };
    }

    @Override
    public RequestGate waits(RequestGate gate) {
        checkNotNull(gate, "gate");
        if (!(gate instanceof SharedThrottle throttle)) {
            return gate;                     // only a SharedThrottle says whether a wait is a pause
        }
        return new RequestGate() {
            @Override
            public void awaitTurn() throws InterruptedException {
                Duration left = throttle.pauseLeft();
                if (left.isZero()) {
                    throttle.awaitTurn();
                } else {
                    throttledWait(Source.SHARED_PAUSE, left, throttle::awaitTurn);
                }
            }

            @Override
            public void throttled(Duration retryAfter) {
                throttle.throttled(retryAfter);
            }

            @Override
            public String toString() {
                return throttle.toString();
            }
        };
    }

    /** A wait that may be interrupted. */
    @FunctionalInterface
    private interface Wait {
        void run() throws InterruptedException;
    }

    private void throttledWait(Source source, Duration expected, Wait wait) throws InterruptedException {
        ThrottledWaitObservationContext context = new ThrottledWaitObservationContext(source, expected);
        Observation observation = QualificationObservationDocumentation.THROTTLED_WAIT.observation(waitConvention,
                DefaultThrottledWaitObservationConvention.INSTANCE, () -> context, registry).start();
        try (Observation.Scope scope = observation.openScope()) {
            wait.run();
        } catch (InterruptedException | RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
