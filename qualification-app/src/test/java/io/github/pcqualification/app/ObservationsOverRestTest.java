package io.github.pcqualification.app;

import static io.github.pcqualification.app.ObservedCalls.ATTEMPT;
import static io.github.pcqualification.app.ObservedCalls.OPERATION;
import static io.github.pcqualification.app.ObservedCalls.THROTTLED;
import static io.github.pcqualification.app.ObservedCalls.named;
import static io.github.pcqualification.app.ObservedCalls.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.ObservedCalls.Seen;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same observations over the REST stack, against the fake served over loopback HTTP: the statuses are the ones
 * on the wire, and neither the token nor a customer id is ever a key value.
 */
@Timeout(30)
class ObservationsOverRestTest {

    private static final String TOKEN = "obs-secret-token-6d1f";
    private static final CustomerId UNKNOWN = CustomerId.parse("99999999-9999-4999-8999-999999999999");

    private final RecordingSleeper time = new RecordingSleeper();
    private final InMemoryPartnerCenter backend = DemoData.seed(new InMemoryPartnerCenter(time));
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private FakePartnerCenterServer server;
    private PartnerCenterQualifications pc;

    @BeforeEach
    void serve() throws IOException {
        server = FakePartnerCenterServer.start(backend, 0);
        pc = PartnerCenterQualifications.builder().partnerCenter(server.baseUri(), () -> TOKEN)
                .sleeper(time).clock(time.clock())
                .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .observationRegistry(registry).build();
    }

    @AfterEach
    void stop() {
        pc.close();
        server.close();
        for (Seen s : seen(registry)) {
            assertThat(s.values()).as("key values of %s", s.name()).allSatisfy(value -> assertThat(value)
                    .doesNotContain(TOKEN, DemoData.FRESH_CUSTOMER.toString(), UNKNOWN.toString(),
                            server.baseUri().toString()));
        }
    }

    private Seen onlyOperation() {
        List<Seen> operations = named(seen(registry), OPERATION);
        assertThat(operations).hasSize(1);
        return operations.get(0);
    }

    @Test
    void aThrottledUpdate_overHttp_isTwoAttempts_andOneRetryAfterWait() {
        backend.failNext(1, Fault.throttled(Duration.ofSeconds(3)));

        UpdateOutcome outcome = pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));

        assertThat(outcome).isInstanceOf(Updated.class);
        List<Seen> seen = seen(registry);
        Seen operation = onlyOperation();
        assertThat(operation.low()).containsExactlyInAnyOrderEntriesOf(
                Map.of("operation", "update", "api", "sync", "outcome", "updated"));
        assertThat(operation.high()).containsExactly(entry("correlation.id", outcome.correlationId().value().toString()));
        assertThat(seen).extracting(Seen::name).containsExactly(OPERATION, ATTEMPT, THROTTLED, ATTEMPT);
        assertThat(seen.subList(1, 4)).allMatch(s -> s.isChildOf(operation));
        assertThat(named(seen, ATTEMPT)).extracting(Seen::low).containsExactly(
                Map.of("call", "set_qualification", "attempt", "1", "status", "429", "retry.reason", "throttled"),
                Map.of("call", "set_qualification", "attempt", "2", "status", "2xx", "retry.reason", "none"));
        assertThat(named(seen, THROTTLED).get(0).low()).containsExactly(entry("source", "retry_after"));
    }

    @Test
    void serverErrors_overHttp_carryTheirStatus_untilThePolicyEnds() {
        backend.failNext(3, Fault.serverError(502));

        GetOutcome outcome = pc.get(DemoData.FRESH_CUSTOMER);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(onlyOperation().low()).containsEntry("outcome", "unavailable");
        assertThat(named(seen(registry), ATTEMPT)).extracting(s -> s.low().get("status") + " " + s.low().get("attempt")
                + " " + s.low().get("retry.reason")).containsExactly("502 1 server_error", "502 2 server_error",
                "502 3 server_error");
    }

    @Test
    void anUnknownCustomer_overHttp_is404_andNotFound() {
        GetOutcome outcome = pc.get(UNKNOWN);

        assertThat(outcome).isInstanceOf(NotFound.class);
        assertThat(onlyOperation().low()).containsEntry("outcome", "not_found");
        assertThat(named(seen(registry), ATTEMPT)).extracting(s -> s.low().get("status")).containsExactly("404");
    }

    @Test
    void aRefusedToken_overHttp_is401_andAuthenticationFailed() {
        server.refuseTokens(token -> true);

        GetOutcome outcome = pc.get(DemoData.FRESH_CUSTOMER);

        assertThat(outcome).isInstanceOf(AuthenticationFailed.class);
        assertThat(onlyOperation().low()).containsEntry("outcome", "authentication_failed");
        assertThat(named(seen(registry), ATTEMPT)).extracting(s -> s.low().get("status")).containsExactly("401");
    }

    @Test
    void noAnswer_overHttp_isStatusNone_andAsksForARetry() {
        server.close();

        GetOutcome outcome = pc.get(DemoData.FRESH_CUSTOMER);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(named(seen(registry), ATTEMPT)).extracting(Seen::low).allSatisfy(keys -> {
            assertThat(keys).containsEntry("status", "none");
            assertThat(keys.get("retry.reason")).isIn("connection_failed", "timed_out");
        }).hasSize(3);
    }
}
