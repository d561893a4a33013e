package io.github.pcqualification.adapter.fake;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.policy.Sleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's scripted faults: which request meets which {@link Fault}, and the answer the service gives for it.
 * Counts every request. Thread-safe: the queues are guarded by this object's lock; a scripted latency is waited out
 * without holding it.
 */
final class FaultScript {

    private final Sleeper sleeper;
    private final Deque<ScriptedFault> next = new ArrayDeque<>();
    private final Map<CustomerId, Deque<ScriptedFault>> byCustomer = new HashMap<>();
    private int requests;

    FaultScript(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    synchronized void failNext(int calls, Fault fault) {
        next.addLast(new ScriptedFault(fault, calls));
    }

    synchronized void failFor(CustomerId customer, int calls, Fault fault) {
        byCustomer.computeIfAbsent(customer, c -> new ArrayDeque<>()).addLast(new ScriptedFault(fault, calls));
    }

    synchronized int requests() {
        return requests;
    }

    /**
     * Counts the request and takes the next scripted fault for it: a failure to answer with, or a latency waited out
     * here (outside the lock) before the normal answer, which is then empty.
     */
    Optional<Failure> receive(Optional<CustomerId> customer, OperationContext context) {
        Optional<Fault> fault;
        synchronized (this) {
            requests++;
            fault = customer.map(byCustomer::get).flatMap(FaultScript::take);
            if (fault.isEmpty()) {
                fault = take(next);
            }
        }
        return fault.flatMap(f -> answer(f, context));
    }

    private static Optional<Fault> take(Deque<ScriptedFault> queue) {
        ScriptedFault head = queue.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (--head.remaining == 0) {
            queue.removeFirst();
        }
        return Optional.of(head.fault);
    }

    /** What the service answers for the fault. */
    private Optional<Failure> answer(Fault fault, OperationContext context) {
        return fault.fold(
                throttled -> Optional.of(new Unavailable(Unavailable.Reason.THROTTLED,
                        ServiceAnswers.throttled(throttled.retryAfter().toSeconds()), Optional.of(throttled.retryAfter()),
                        1, context)),
                serverError -> Optional.of(new Unavailable(serverError.reason(),
                        ServiceAnswers.serverError(serverError.status()), Optional.empty(), 1, context)),
                rejection -> Optional.of(new Rejected(ServiceAnswers.apiFault(rejection.status(),
                        rejection.serviceCode(), rejection.description()), rejection.reason(), context)),
                // Over REST the adapter renews the token once and is refused again: two requests.
                unauthorized -> Optional.of(new AuthenticationFailed(
                        CredentialProblem.refusedByService(ServiceAnswers.unauthorized()), 2, context)),
                latency -> waitOut(latency.delay(), context));
    }

    private Optional<Failure> waitOut(Duration delay, OperationContext context) {
        try {
            sleeper.sleep(delay);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Unavailable(Unavailable.Reason.TIMED_OUT,
                    ErrorDetail.withoutResponse("interrupted while waiting out a scripted latency of " + delay),
                    Optional.empty(), 1, context));
        }
    }

    /** A fault and how many more calls it meets. Guarded by the script's lock. */
    private static final class ScriptedFault {
        final Fault fault;
        int remaining;

        ScriptedFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
