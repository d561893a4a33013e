package io.github.pcqualification.app;

import static io.github.pcqualification.app.ObservedCalls.ATTEMPT;
import static io.github.pcqualification.app.ObservedCalls.OPERATION;
import static io.github.pcqualification.app.ObservedCalls.THROTTLED;
import static io.github.pcqualification.app.ObservedCalls.named;
import static io.github.pcqualification.app.ObservedCalls.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.ObservedCalls.Seen;
import io.github.pcqualification.app.observation.AttemptObservationContext;
import io.github.pcqualification.app.observation.DefaultAttemptObservationConvention;
import io.github.pcqualification.app.observation.DefaultOperationObservationConvention;
import io.github.pcqualification.app.observation.DefaultThrottledWaitObservationConvention;
import io.github.pcqualification.app.observation.OperationObservationContext;
import io.github.pcqualification.app.observation.ThrottledWaitObservationContext;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observations of every outcome, over the in-memory fake on virtual time: names, keys, and the operation as the
 * parent of its attempts and throttled waits.
 */
class ObservationsOverTheFakeTest {

    private static final CustomerId UNKNOWN = CustomerId.parse("99999999-9999-4999-8999-999999999999");

    private final RecordingSleeper time = new RecordingSleeper();
    private final InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time));
    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private PartnerCenterQualifications.Builder builder() {
        return PartnerCenterQualifications.builder().ports(fake).sleeper(time).clock(time.clock())
                .observationRegistry(registry);
    }

    private PartnerCenterQualifications client() {
        return builder().build();
    }

    /** Whatever a test did, no key value names a customer. */
    @AfterEach
    void noKeyValueNamesACustomer() {
        for (Seen s : seen(registry)) {
            assertThat(s.values()).as("key values of %s", s.name()).allSatisfy(value -> assertThat(value)
                    .doesNotContain(DemoData.FRESH_CUSTOMER.toString(), DemoData.EDUCATION_CUSTOMER.toString(),
                            DemoData.GCC_CUSTOMER.toString(), UNKNOWN.toString(), DemoData.VALIDATION_CODE.toString()));
        }
    }

    private static Map<String, String> operationKeys(String operation, String api, String outcome) {
        return Map.of("operation", operation, "api", api, "outcome", outcome);
    }

    private static Map<String, String> attemptKeys(String call, int attempt, String status, String retryReason) {
        return Map.of("call", call, "attempt", Integer.toString(attempt), "status", status, "retry.reason", retryReason);
    }

    /** The one operation seen, checked against its outcome; its children, in order. */
    private List<Seen> theOperation(Outcome outcome, Map<String, String> keys) {
        List<Seen> seen = seen(registry);
        List<Seen> operations = named(seen, OPERATION);
        assertThat(operations).hasSize(1);
        Seen operation = operations.get(0);
        assertThat(operation.low()).containsExactlyInAnyOrderEntriesOf(keys);
        assertThat(operation.high()).containsExactly(entry("correlation.id", outcome.correlationId().value().toString()));
        assertThat(operation.parent()).as("an operation is a root").isNull();
        assertThat(operation.context()).isInstanceOfSatisfying(OperationObservationContext.class,
                c -> assertThat(c.outcome()).containsSame(outcome));
        List<Seen> children = seen.stream().filter(s -> s != operation).toList();
        assertThat(children).as("everything else is the operation's child").allMatch(s -> s.isChildOf(operation));
        assertThat(named(children, ATTEMPT)).as("every attempt carries the operation's correlation id")
                .allSatisfy(a -> assertThat(a.high()).containsExactly(entry("correlation.id",
                        outcome.correlationId().value().toString())));
        return children;
    }

    @Test
    void anUpdate_isOneOperation_withOneAttempt() {
        UpdateOutcome outcome = client().update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));

        assertThat(outcome).isInstanceOf(Updated.class);
        List<Seen> children = theOperation(outcome, operationKeys("update", "sync", "updated"));
        assertThat(children).extracting(Seen::name).containsExactly(ATTEMPT);
        assertThat(children.get(0).low()).containsExactlyInAnyOrderEntriesOf(
                attemptKeys("set_qualification", 1, "2xx", "none"));
    }

    @Test
    void anUpdateOfWhatIsHeld_isUnchanged_afterARefusedAttemptAndTheFollowUpRead() {
        UpdateOutcome outcome = client().update(QualificationRequest.education(DemoData.EDUCATION_CUSTOMER));

        assertThat(outcome).isInstanceOf(Unchanged.class);
        List<Seen> children = theOperation(outcome, operationKeys("update", "sync", "unchanged"));
        assertThat(children).extracting(Seen::low).containsExactly(
                attemptKeys("set_qualification", 1, "403", "none"),
                attemptKeys("get_qualification", 1, "2xx", "none"));
    }

    @Test
    void throughTheAsynchronousApi_theKeysSayAsync_andTheCallIsTheRequest() {
        UpdateOutcome outcome = builder().api(ApiMode.ASYNCHRONOUS).build()
                .update(QualificationRequest.of(DemoData.FRESH_CUSTOMER, Qualification.STATE_OWNED_ENTITY));

        assertThat(outcome).isInstanceOf(Updated.class);
        List<Seen> children = theOperation(outcome, operationKeys("update", "async", "updated"));
        assertThat(children).extracting(Seen::low).containsExactly(
                attemptKeys("request_qualification", 1, "2xx", "none"));
    }

    @Test
    void aRead_isFound() {
        GetOutcome outcome = client().get(DemoData.EDUCATION_CUSTOMER);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(theOperation(outcome, operationKeys("get", "sync", "found"))).extracting(Seen::low)
                .containsExactly(attemptKeys("get_qualification", 1, "2xx", "none"));
    }

    @Test
    void anAsynchronousRead_callsTheVettedEndpoint() {
        GetOutcome outcome = builder().api(ApiMode.ASYNCHRONOUS).build().get(DemoData.EDUCATION_CUSTOMER);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(theOperation(outcome, operationKeys("get", "async", "found"))).extracting(Seen::low)
                .containsExactly(attemptKeys("get_qualifications", 1, "2xx", "none"));
    }

    @Test
    void listingCodes_isListed() {
        CodesOutcome outcome = client().listValidationCodes();

        assertThat(outcome).isInstanceOf(CodesListed.class);
        assertThat(theOperation(outcome, operationKeys("codes", "sync", "listed"))).extracting(Seen::low)
                .containsExactly(attemptKeys("list_validation_codes", 1, "2xx", "none"));
    }

    @Test
    void listingACustomersValidations_isListed() {
        ValidationsOutcome outcome = client().listValidations(DemoData.FRESH_CUSTOMER);

        assertThat(outcome).isInstanceOf(ValidationsListed.class);
        assertThat(theOperation(outcome, operationKeys("validations", "sync", "listed"))).extracting(Seen::low)
                .containsExactly(attemptKeys("list_validations", 1, "2xx", "none"));
    }

    @Test
    void anInvalidRequest_isObserved_withNoAttempt() {
        UpdateOutcome outcome = client().update(QualificationRequest.of(DemoData.FRESH_CUSTOMER,
                Qualification.GOVERNMENT_COMMUNITY_CLOUD));

        assertThat(outcome).isInstanceOf(InvalidRequest.class);
        assertThat(theOperation(outcome, operationKeys("update", "sync", "invalid_request"))).isEmpty();
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void aRejection_carriesItsStatus_andIsNotARetry() {
        fake.failNext(1, Fault.rejected(403, "20002", "No relationship"));

        UpdateOutcome outcome = client().update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(theOperation(outcome, operationKeys("update", "sync", "rejected"))).extracting(Seen::low)
                .containsExactly(attemptKeys("set_qualification", 1, "403", "none"),
                        attemptKeys("get_qualification", 1, "2xx", "none"));
    }

    @Test
    void anUnknownCustomer_isNotFound() {
        GetOutcome outcome = client().get(UNKNOWN);

        assertThat(outcome).isInstanceOf(NotFound.class);
        assertThat(theOperation(outcome, operationKeys("get", "sync", "not_found"))).extracting(Seen::low)
                .containsExactly(attemptKeys("get_qualification", 1, "404", "none"));
    }

    @Test
    void serverErrors_areAttemptsThatAskForARetry_untilThePolicyEnds_withoutThrottledWaits() {
        fake.failNext(3, Fault.serverError(503));

        GetOutcome outcome = builder().retryPolicy(new RetryPolicy(2, Duration.ofMinutes(2), Duration.ofSeconds(1),
                Duration.ofSeconds(30))).build().get(DemoData.FRESH_CUSTOMER);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(theOperation(outcome, operationKeys("get", "sync", "unavailable"))).extracting(Seen::low)
                .containsExactly(attemptKeys("get_qualification", 1, "503", "server_error"),
                        attemptKeys("get_qualification", 2, "503", "server_error"));
        assertThat(time.sleeps()).as("the backoff was waited, not observed as throttling").hasSize(1);
    }

    @Test
    void aRefusedToken_isAuthenticationFailed_withTheServicesStatus() {
        fake.failNext(1, Fault.unauthorized());

        CodesOutcome outcome = client().listValidationCodes();

        assertThat(outcome).isInstanceOf(AuthenticationFailed.class);
        assertThat(theOperation(outcome, operationKeys("codes", "sync", "authentication_failed")))
                .extracting(Seen::low).containsExactly(attemptKeys("list_validation_codes", 1, "401", "none"));
    }

    @Test
    void throttledAttempts_areFollowedByThrottledWaits_ofTheirRetryAfter() {
        fake.failNext(2, Fault.throttled(Duration.ofSeconds(57)));

        UpdateOutcome outcome = client().update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));

        assertThat(outcome).isInstanceOf(Updated.class);
        List<Seen> children = theOperation(outcome, operationKeys("update", "sync", "updated"));
        assertThat(children).extracting(Seen::name).containsExactly(ATTEMPT, THROTTLED, ATTEMPT, THROTTLED, ATTEMPT);
        assertThat(named(children, ATTEMPT)).extracting(Seen::low).containsExactly(
                attemptKeys("set_qualification", 1, "429", "throttled"),
                attemptKeys("set_qualification", 2, "429", "throttled"),
                attemptKeys("set_qualification", 3, "2xx", "none"));
        assertThat(named(children, THROTTLED)).allSatisfy(wait -> {
            assertThat(wait.low()).containsExactly(entry("source", "retry_after"));
            assertThat(wait.context()).isInstanceOfSatisfying(ThrottledWaitObservationContext.class,
                    c -> assertThat(c.expected()).isEqualTo(Duration.ofSeconds(57)));
        });
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(57), Duration.ofSeconds(57));
    }

    @Test
    void aWaitAtASharedThrottle_whileAPauseIsUnderWay_isAThrottledWait() {
        SharedThrottle throttle = new SharedThrottle(0, () -> nanos(time.clock().instant()), time);
        throttle.throttled(Duration.ofSeconds(30));          // another worker's 429

        GetOutcome outcome = builder().requestGate(throttle).build().get(DemoData.EDUCATION_CUSTOMER);

        assertThat(outcome).isInstanceOf(Found.class);
        List<Seen> children = theOperation(outcome, operationKeys("get", "sync", "found"));
        assertThat(children).extracting(Seen::name).containsExactly(THROTTLED, ATTEMPT);
        assertThat(children.get(0).low()).containsExactly(entry("source", "shared_pause"));
        assertThat(children.get(0).context()).isInstanceOfSatisfying(ThrottledWaitObservationContext.class,
                c -> assertThat(c.expected()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aThrottledAttempt_behindASharedThrottle_isOneRetryAfterWait_notAlsoASharedPause() {
        SharedThrottle throttle = new SharedThrottle(0, () -> nanos(time.clock().instant()), time);
        fake.failNext(1, Fault.throttled(Duration.ofSeconds(20)));

        GetOutcome outcome = builder().requestGate(throttle).build().get(DemoData.EDUCATION_CUSTOMER);

        assertThat(outcome).isInstanceOf(Found.class);
        List<Seen> children = theOperation(outcome, operationKeys("get", "sync", "found"));
        assertThat(children).extracting(Seen::name).containsExactly(ATTEMPT, THROTTLED, ATTEMPT);
        assertThat(children.get(1).low()).containsExactly(entry("source", "retry_after"));
        assertThat(throttle.pauses()).isEqualTo(1);
    }

    @Test
    void aPortThatThrows_endsTheObservationsWithTheError_andNoOutcome() {
        IllegalStateException bug = new IllegalStateException("a bug in a platform's port");
        QualificationPort broken = new ThrowingPort(bug);
        PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(broken, fake)
                .sleeper(time).clock(time.clock()).observationRegistry(registry).build();

        assertThatThrownBy(() -> pc.get(DemoData.FRESH_CUSTOMER)).isSameAs(bug);

        List<Seen> seen = seen(registry);
        assertThat(seen).extracting(Seen::name).containsExactly(OPERATION, ATTEMPT);
        assertThat(seen.get(0).low()).containsEntry("outcome", "none");
        assertThat(seen.get(0).high()).containsExactly(entry("correlation.id", "none"));
        assertThat(seen.get(1).low()).containsEntry("status", "none").containsEntry("retry.reason", "none");
        assertThat(seen).allSatisfy(s -> assertThat(s.context().getError()).isSameAs(bug));
        assertThat(seen.get(1).isChildOf(seen.get(0))).isTrue();
    }

    @Test
    void eachCallIsItsOwnOperation_andAttemptsCountPerRequest() {
        PartnerCenterQualifications pc = client();
        fake.failNext(1, Fault.serverError(500));

        pc.get(DemoData.FRESH_CUSTOMER);
        pc.get(DemoData.FRESH_CUSTOMER);

        List<Seen> seen = seen(registry);
        assertThat(seen).extracting(Seen::name).containsExactly(OPERATION, ATTEMPT, ATTEMPT, OPERATION, ATTEMPT);
        assertThat(seen.get(1).isChildOf(seen.get(0))).isTrue();
        assertThat(seen.get(2).isChildOf(seen.get(0))).isTrue();
        assertThat(seen.get(4).isChildOf(seen.get(3))).isTrue();
        assertThat(seen).filteredOn(s -> s.name().equals(ATTEMPT)).extracting(s -> s.low().get("attempt"))
                .containsExactly("1", "2", "1");
    }

    @Test
    void replacedConventions_nameAndKeyEveryObservation() {
        fake.failNext(1, Fault.throttled(Duration.ofSeconds(5)));
        PartnerCenterQualifications pc = builder()
                .observationConvention(new DefaultOperationObservationConvention() {
                    @Override
                    public String getName() {
                        return "platform.partnercenter.call";
                    }

                    @Override
                    public KeyValues getLowCardinalityKeyValues(OperationObservationContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "onboarding");
                    }
                })
                .observationConvention(new DefaultAttemptObservationConvention() {
                    @Override
                    public String getName() {
                        return "platform.partnercenter.request";
                    }
                })
                .observationConvention(new DefaultThrottledWaitObservationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(ThrottledWaitObservationContext context) {
                        return KeyValues.of("why", context.source().value());
                    }
                })
                .build();

        pc.get(DemoData.FRESH_CUSTOMER);

        List<Seen> seen = seen(registry);
        assertThat(seen).extracting(Seen::name).containsExactly("platform.partnercenter.call",
                "platform.partnercenter.request", THROTTLED, "platform.partnercenter.request");
        assertThat(seen.get(0).low()).containsEntry("team", "onboarding").containsEntry("outcome", "found");
        assertThat(seen.get(2).low()).containsExactly(entry("why", "retry_after"));
    }

    @Test
    void theContexts_giveConventionsWhatTheyNeed() {
        fake.failNext(1, Fault.throttled(Duration.ofSeconds(5)));

        GetOutcome outcome = client().get(DemoData.FRESH_CUSTOMER);

        List<Seen> attempts = named(seen(registry), ATTEMPT);
        assertThat(attempts.get(0).context()).isInstanceOfSatisfying(AttemptObservationContext.class, c -> {
            assertThat(c.call()).isEqualTo(AttemptObservationContext.Call.GET_QUALIFICATION);
            assertThat(c.attempt()).isEqualTo(1);
            assertThat(c.ids().correlationId()).isEqualTo(outcome.correlationId());
            assertThat(c.failure()).containsInstanceOf(Unavailable.class);
            assertThat(c.retryReason()).contains(Unavailable.Reason.THROTTLED);
        });
        assertThat(attempts.get(1).context()).isInstanceOfSatisfying(AttemptObservationContext.class, c -> {
            assertThat(c.outcome()).containsSame(outcome);
            assertThat(c.failure()).isEmpty();
            assertThat(c.retryReason()).isEmpty();
        });
    }

    @Test
    void withoutARegistry_theClientWorksAsBefore() {
        PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).sleeper(time)
                .clock(time.clock()).build();

        assertThat(pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER))).isInstanceOf(Updated.class);
        registry.assertThat().doesNotHaveAnyObservation();
    }

    @Test
    void conventionsAndTheRegistry_refuseNull() {
        PartnerCenterQualifications.Builder builder = PartnerCenterQualifications.builder();

        assertThatThrownBy(() -> builder.observationRegistry(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.observationConvention((DefaultOperationObservationConvention) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.observationConvention((DefaultAttemptObservationConvention) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.observationConvention((DefaultThrottledWaitObservationConvention) null))
                .isInstanceOf(NullPointerException.class);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** A platform's port with a bug. */
    private record ThrowingPort(RuntimeException bug) implements QualificationPort {
        @Override
        public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
            throw bug;
        }

        @Override
        public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
            throw bug;
        }

        @Override
        public GetOutcome getQualification(CustomerId customer, OperationContext context) {
            throw bug;
        }

        @Override
        public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
            throw bug;
        }
    }
}
