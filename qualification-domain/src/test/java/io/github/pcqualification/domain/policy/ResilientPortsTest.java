package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import io.github.pcqualification.domain.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The resilience decorator on a scripted port: which outcomes it retries, how long it waits, where it stops, and how
 * it counts, all read from outcomes (no HTTP anywhere), on a test clock.
 */
class ResilientPortsTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final OperationContext CONTEXT = OperationContext.newOperation();
    /** 4 attempts, 2 min, backoff 1 s doubling to at most 8 s. */
    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final TestClock clock = new TestClock();
    private final List<Duration> waits = new ArrayList<>();
    private final ScriptedPort port = new ScriptedPort();
    private final List<Duration> throttles = new ArrayList<>();
    private int turns;
    private final RequestGate gate = new RequestGate() {
        @Override
        public void awaitTurn() {
            turns++;
        }

        @Override
        public void throttled(Duration retryAfter) {
            throttles.add(retryAfter);
        }
    };

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private ResilientPorts resilient(RetryPolicy policy, double jitter) {
        return ResilientPorts.over(port).retryPolicy(policy).requestGate(gate).clock(clock).sleeper(d -> {
            waits.add(d);
            clock.advance(d);
        }).jitter(() -> jitter).build();
    }

    private ResilientPorts resilient() {
        return resilient(POLICY, 1.0);
    }

    private static Unavailable unavailable(Unavailable.Reason reason, Optional<Duration> retryAfter) {
        return new Unavailable(reason, ErrorDetail.withoutResponse("scripted"), retryAfter, 1, CONTEXT);
    }

    private static Unavailable serverError() {
        return unavailable(Unavailable.Reason.SERVER_ERROR, Optional.empty());
    }

    private static Unavailable throttled(long seconds) {
        return unavailable(Unavailable.Reason.THROTTLED, Optional.of(Duration.ofSeconds(seconds)));
    }

    private static Found found() {
        return new Found(CUSTOMER, List.of(CustomerQualification.of(Qualification.EDUCATION)), CONTEXT);
    }

    @Test
    void aSuccess_isOneAttempt_andWaitsForNothing() {
        port.answer(found());

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(found());
        assertThat(port.calls).isEqualTo(1);
        assertThat(turns).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void theFirstThrottling_waitsExactlyItsRetryAfter_thenTheNextAnswerIsTheOutcome() {
        port.answer(throttled(57)).answer(found());

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(found());
        assertThat(waits).containsExactly(Duration.ofSeconds(57));
        assertThat(throttles).containsExactly(Duration.ofSeconds(57));
        assertThat(turns).isEqualTo(2);
    }

    @Test
    void throttledAgain_backsOffExponentially_neverBelowTheRetryAfter() {
        port.answer(throttled(1)).answer(throttled(1)).answer(throttled(3)).answer(found());

        resilient().getQualification(CUSTOMER, CONTEXT);

        // first: its Retry-After (1 s); then the backoff for retries 2 and 3 (2 s, 4 s), never below 3 s
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aTransientFailureOnEveryAttempt_endsAfterExactlyMaxAttempts_countingThemAll() {
        for (int i = 0; i < 10; i++) {
            port.answer(serverError());
        }

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(serverError().withAttempts(4));
        assertThat(port.calls).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void backoff_isCappedAtMaxBackoff() {
        for (int i = 0; i < 6; i++) {
            port.answer(serverError());
        }

        resilient(new RetryPolicy(6, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(3)), 1.0)
                .getQualification(CUSTOMER, CONTEXT);

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void jitter_takesBetweenHalfAndAllOfTheBackoff_andIsClamped() {
        port.answer(serverError()).answer(serverError()).answer(found());
        resilient(new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(30)), 0.0)
                .getQualification(CUSTOMER, CONTEXT);
        port.answer(serverError()).answer(found());
        resilient(POLICY, -5).getQualification(CUSTOMER, CONTEXT);
        port.answer(serverError()).answer(found());
        resilient(POLICY, 7).getQualification(CUSTOMER, CONTEXT);

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterPastTheDeadline_endsAtOnce_carryingIt() {
        port.answer(throttled(300));

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(throttled(300));
        assertThat(waits).isEmpty();
        assertThat(throttles).as("the gate still hears of it").containsExactly(Duration.ofSeconds(300));
    }

    @Test
    void theDeadline_endsRetriesWhoseNextWaitWouldPassIt() {
        for (int i = 0; i < 10; i++) {
            port.answer(throttled(50));
        }

        GetOutcome outcome = resilient(new RetryPolicy(10, Duration.ofMinutes(2), Duration.ofSeconds(1),
                Duration.ofSeconds(8)), 1.0).getQualification(CUSTOMER, CONTEXT);

        // 50 s, 50 s; a third 50 s would end at 150 s, past the 120 s deadline
        assertThat(waits).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(50));
        assertThat(outcome).isEqualTo(throttled(50).withAttempts(3));
    }

    @Test
    void aRetryHeldByTheGatePastTheDeadline_isNotSent() {
        port.answer(serverError()).answer(found());
        RequestGate slow = new RequestGate() {
            private int n;

            @Override
            public void awaitTurn() {
                if (++n == 2) {
                    clock.advance(Duration.ofMinutes(3));
                }
            }

            @Override
            public void throttled(Duration retryAfter) {}
        };

        GetOutcome outcome = ResilientPorts.over(port).retryPolicy(POLICY).requestGate(slow).clock(clock)
                .sleeper(waits::add).jitter(() -> 1.0).build().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(serverError());
        assertThat(port.calls).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Unavailable.Reason.class, names = {"MALFORMED_RESPONSE", "PERMANENT_SERVER_ERROR"})
    void anUnavailableThatIsNotTransient_isFinal(Unavailable.Reason reason) {
        port.answer(unavailable(reason, Optional.empty())).answer(found());

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(unavailable(reason, Optional.empty()));
        assertThat(port.calls).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Unavailable.Reason.class, names = {"CONNECTION_FAILED", "TIMED_OUT", "SERVER_ERROR", "THROTTLED"})
    void everyTransientReason_isRetried(Unavailable.Reason reason) {
        port.answer(unavailable(reason, Optional.empty())).answer(found());

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(found());
        assertThat(port.calls).isEqualTo(2);
    }

    @Test
    void finalFailures_areReturnedAsTheyAre_afterOneAttempt() {
        ErrorDetail error = ErrorDetail.of(403, Optional.of("600006"), "no");
        List<Outcome> finals = List.of(new Rejected(error, Rejected.Reason.REQUEST_REFUSED, CONTEXT),
                new NotFound(error, CONTEXT),
                new InvalidRequest(List.of(new RuleViolation(Rule.IRREVERSIBLE, "no")), CONTEXT));
        for (Outcome finalOutcome : finals) {
            port.answer(finalOutcome).answer(found());
            port.calls = 0;

            GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

            assertThat(outcome).isSameAs(finalOutcome);
            assertThat(port.calls).isEqualTo(1);
            port.script.clear();
        }
    }

    @Test
    void anAuthenticationFailureAfterATransientOne_countsEveryRequest() {
        AuthenticationFailed refused = new AuthenticationFailed(
                CredentialProblem.refusedByService(ErrorDetail.of(401, Optional.empty(), "denied")), 2, CONTEXT);
        port.answer(serverError()).answer(refused);

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(refused.withAttempts(3));
    }

    @Test
    void anAttemptThatSentTwoRequests_countsBoth() {
        port.answer(serverError().withAttempts(2)).answer(serverError());

        GetOutcome outcome = resilient(new RetryPolicy(2, Duration.ofMinutes(2), Duration.ofSeconds(1),
                Duration.ofSeconds(8)), 1.0).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(serverError().withAttempts(3));
    }

    @Test
    void anInterruptWhileWaitingForATurn_sendsNothing_andEndsUnavailable() {
        RequestGate interrupting = new RequestGate() {
            @Override
            public void awaitTurn() throws InterruptedException {
                throw new InterruptedException("stop");
            }

            @Override
            public void throttled(Duration retryAfter) {}
        };

        GetOutcome outcome = ResilientPorts.over(port).requestGate(interrupting).build().getQualification(CUSTOMER,
                CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.TIMED_OUT);
            assertThat(u.attempts()).isZero();
            assertThat(u.context()).isEqualTo(CONTEXT);
        });
        assertThat(port.calls).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anInterruptedWait_endsWithTheLastFailure_andKeepsTheInterrupt() {
        port.answer(serverError()).answer(found());

        GetOutcome outcome = ResilientPorts.over(port).retryPolicy(POLICY).clock(clock).sleeper(d -> {
            throw new InterruptedException("stop");
        }).build().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(serverError());
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anInterruptedThread_isNotRetried() {
        port.answer(serverError()).answer(found());
        Thread.currentThread().interrupt();

        GetOutcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(serverError());
        assertThat(waits).isEmpty();
    }

    @Test
    void everyOperation_goesThroughTheDecorator_withTheSameContextOnEveryAttempt() {
        QualificationRequest request = QualificationRequest.education(CUSTOMER);
        Updated updated = new Updated(CUSTOMER, CustomerQualification.of(Qualification.EDUCATION), CONTEXT);
        CodesListed listed = new CodesListed(List.of(), CONTEXT);
        ValidationsListed validations = new ValidationsListed(CUSTOMER, List.of(), CONTEXT);
        ResilientPorts resilient = resilient();

        port.answer(serverError()).answer(updated);
        UpdateOutcome set = resilient.setQualification(request, CONTEXT);
        port.answer(serverError()).answer(updated);
        UpdateOutcome requested = resilient.requestQualification(request, CONTEXT);
        port.answer(serverError()).answer(found());
        GetOutcome all = resilient.getQualifications(CUSTOMER, CONTEXT);
        port.answer(serverError()).answer(listed);
        CodesOutcome codes = resilient.listValidationCodes(CONTEXT);
        port.answer(serverError()).answer(validations);
        ValidationsOutcome linked = resilient.listValidations(CUSTOMER, CONTEXT);

        assertThat(List.<Outcome>of(set, requested, all, codes, linked))
                .containsExactly(updated, updated, found(), listed, validations);
        assertThat(port.methods).containsExactly("set", "set", "request", "request", "getAll", "getAll", "codes", "codes",
                "validations", "validations");
        assertThat(port.contexts).containsOnly(CONTEXT);
    }

    @Test
    void listValidations_isRetriedLikeEveryRead_throttledThenListed_andEndsAtAFinalFailure() {
        ValidationsListed listed =
                new ValidationsListed(CUSTOMER, List.of(CustomerValidation.of(CUSTOMER, ValidationCode.of("12345"))), CONTEXT);
        NotFound notFound = new NotFound(ErrorDetail.of(404, Optional.of("60003"), "Tenant not found"), CONTEXT);
        ResilientPorts resilient = resilient();

        port.answer(throttled(7)).answer(listed);
        ValidationsOutcome afterThrottling = resilient.listValidations(CUSTOMER, CONTEXT);
        port.answer(notFound).answer(listed);
        ValidationsOutcome unknown = resilient.listValidations(CUSTOMER, CONTEXT);

        assertThat(afterThrottling).isEqualTo(listed);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(throttles).containsExactly(Duration.ofSeconds(7));
        assertThat(unknown).isSameAs(notFound);
        assertThat(port.methods).containsExactly("validations", "validations", "validations");
        assertThat(port.script).as("the final failure was not retried").containsExactly(listed);
    }

    @Test
    void nullArguments_areRefused() {
        ResilientPorts resilient = resilient();

        assertThatThrownBy(() -> resilient.getQualification(null, CONTEXT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> resilient.listValidationCodes(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> resilient.listValidations(null, CONTEXT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> resilient.listValidations(CUSTOMER, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ResilientPorts.over(port).retryPolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ResilientPorts.over(null, port)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_namesThePortAndThePolicy() {
        assertThat(resilient().toString()).contains("ScriptedPort").contains("maxAttempts=4");
    }
}
