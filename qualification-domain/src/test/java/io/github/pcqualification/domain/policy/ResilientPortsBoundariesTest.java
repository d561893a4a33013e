package io.github.pcqualification.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The resilience decorator at its edges: a wait or a gate's hold that ends exactly at the deadline, a
 * {@code Retry-After} on an answer that is not a throttling, the default jitter, the two-port builder, and final
 * failures of every operation, all on a test clock with a recording sleeper.
 */
class ResilientPortsBoundariesTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final OperationContext CONTEXT = OperationContext.newOperation();
    /** 4 attempts, 2 min, backoff 1 s doubling to at most 8 s. */
    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final TestClock clock = new TestClock();
    private final ScriptedPort port = new ScriptedPort();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Duration> throttles = new ArrayList<>();
    private final RequestGate recordingGate = new RequestGate() {
        @Override
        public void awaitTurn() {}

        @Override
        public void throttled(Duration retryAfter) {
            throttles.add(retryAfter);
        }
    };

    /** Full jitter (each wait is the whole backoff), waits that move the clock. */
    private ResilientPorts resilient() {
        return ResilientPorts.over(port).retryPolicy(POLICY).requestGate(recordingGate).clock(clock).sleeper(d -> {
            waits.add(d);
            clock.advance(d);
        }).jitter(() -> 1.0).build();
    }

    private static Unavailable unavailable(Unavailable.Reason reason, Optional<Duration> retryAfter) {
        return new Unavailable(reason, ErrorDetail.withoutResponse("scripted"), retryAfter, 1, CONTEXT);
    }

    private static Found found() {
        return new Found(CUSTOMER, List.of(CustomerQualification.of(Qualification.EDUCATION)), CONTEXT);
    }

    private static NotFound notFound() {
        return new NotFound(ErrorDetail.of(404, Optional.of("60003"), "Tenant not found"), CONTEXT);
    }

    @Test
    void aWaitThatEndsExactlyAtTheDeadline_isWaited_andTheRetrySent() {
        port.answer(unavailable(Unavailable.Reason.THROTTLED, Optional.of(Duration.ofMinutes(2)))).answer(found());

        Outcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(found());
        assertThat(waits).containsExactly(Duration.ofMinutes(2));
        assertThat(port.calls).isEqualTo(2);
    }

    @Test
    void aRetryTheGateHoldsUntilExactlyTheDeadline_isStillSent() {
        port.answer(unavailable(Unavailable.Reason.SERVER_ERROR, Optional.empty())).answer(found());
        RequestGate holdingTheSecondTurn = new RequestGate() {
            private int turn;

            @Override
            public void awaitTurn() {
                if (++turn == 2) {
                    clock.advance(Duration.ofMinutes(2));
                }
            }

            @Override
            public void throttled(Duration retryAfter) {}
        };
        ResilientPorts resilient = ResilientPorts.over(port).retryPolicy(POLICY).requestGate(holdingTheSecondTurn)
                .clock(clock).sleeper(waits::add).jitter(() -> 1.0).build();

        Outcome outcome = resilient.getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(found());
        assertThat(port.calls).isEqualTo(2);
    }

    @Test
    void aServerErrorsRetryAfter_isOnlyAFloorUnderTheBackoff_andNeverReachesTheGate() {
        port.answer(unavailable(Unavailable.Reason.SERVER_ERROR, Optional.of(Duration.ofMillis(200)))).answer(found());

        Outcome outcome = resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(found());
        assertThat(waits).as("the backoff, not the shorter Retry-After").containsExactly(Duration.ofSeconds(1));
        assertThat(throttles).as("only a throttling slows the other requests").isEmpty();
    }

    @Test
    void theFirstThrottling_waitsItsRetryAfter_evenWhenShorterThanTheBackoff() {
        port.answer(unavailable(Unavailable.Reason.THROTTLED, Optional.of(Duration.ofMillis(300)))).answer(found());

        resilient().getQualification(CUSTOMER, CONTEXT);

        assertThat(waits).containsExactly(Duration.ofMillis(300));
        assertThat(throttles).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void theDefaultJitter_isRandom_betweenHalfAndAllOfEachBackoff() {
        for (int i = 0; i < 4; i++) {
            port.answer(unavailable(Unavailable.Reason.SERVER_ERROR, Optional.empty()));
        }
        ResilientPorts withDefaultJitter =
                ResilientPorts.over(port).retryPolicy(POLICY).clock(clock).sleeper(waits::add).build();

        withDefaultJitter.getQualification(CUSTOMER, CONTEXT);

        List<Duration> backoffs = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(waits).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(waits.get(i)).isBetween(backoffs.get(i).dividedBy(2), backoffs.get(i));
        }
        // Each wait is exactly half its backoff only if the random source returned 0.0 three times (odds 2^-159).
        assertThat(waits).isNotEqualTo(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void overTwoPorts_sendsQualificationsToOne_andValidationCodesToTheOther() {
        ScriptedPort codes = new ScriptedPort();
        CodesListed listed = new CodesListed(List.of(), CONTEXT);
        port.answer(found());
        codes.answer(listed);
        ResilientPorts resilient = ResilientPorts.over(port, codes).clock(clock).sleeper(waits::add).build();

        Outcome read = resilient.getQualification(CUSTOMER, CONTEXT);
        Outcome listing = resilient.listValidationCodes(CONTEXT);

        assertThat(read).isEqualTo(found());
        assertThat(listing).isEqualTo(listed);
        assertThat(port.methods).containsExactly("get");
        assertThat(codes.methods).containsExactly("codes");
    }

    @Test
    void aFinalFailure_isReturnedAsItIs_byEveryOperation() {
        ResilientPorts resilient = resilient();
        QualificationRequest request = QualificationRequest.education(CUSTOMER);
        for (int i = 0; i < 6; i++) {
            port.answer(notFound());
        }

        List<Outcome> outcomes = List.of(resilient.setQualification(request, CONTEXT),
                resilient.requestQualification(request, CONTEXT), resilient.getQualification(CUSTOMER, CONTEXT),
                resilient.getQualifications(CUSTOMER, CONTEXT), resilient.listValidationCodes(CONTEXT),
                resilient.listValidations(CUSTOMER, CONTEXT));

        assertThat(outcomes).containsOnly(notFound()).hasSize(6);
        assertThat(port.methods).containsExactly("set", "request", "get", "getAll", "codes", "validations");
    }
}
