package io.github.pcqualification.app;

import static io.github.pcqualification.app.ObservedCalls.OPERATION;
import static io.github.pcqualification.app.ObservedCalls.seen;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.ObservedCalls.Seen;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Swapping in the fake changes nothing a dashboard sees: every outcome of every operation gives the same
 * observations (names, low-cardinality keys, parent and order) over the in-memory fake and over REST against the
 * emulator serving the same fake. Each scenario also pins its operation's {@code outcome}, so every outcome kind is
 * shown on both stacks.
 */
@Timeout(30)
class ObservationsSameOnBothStacksTest {

    private static final CustomerId UNKNOWN = CustomerId.parse("99999999-9999-4999-8999-999999999999");
    private static final RetryPolicy POLICY =
            new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** One scenario: the fake's script, the API, the call, and the operation's expected {@code outcome} key. */
    record Scenario(String name, Consumer<InMemoryPartnerCenter> script, ApiMode mode,
            Function<PartnerCenterQualifications, Outcome> call, String outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        Consumer<InMemoryPartnerCenter> none = fake -> {};
        return Stream.of(
                new Scenario("updated", none, ApiMode.SYNCHRONOUS,
                        pc -> pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER)), "updated"),
                new Scenario("updated through the async API", none, ApiMode.ASYNCHRONOUS,
                        pc -> pc.update(QualificationRequest.of(DemoData.FRESH_CUSTOMER, Qualification.STATE_OWNED_ENTITY)),
                        "updated"),
                new Scenario("unchanged after a refused attempt and the follow-up read", none, ApiMode.SYNCHRONOUS,
                        pc -> pc.update(QualificationRequest.education(DemoData.EDUCATION_CUSTOMER)), "unchanged"),
                new Scenario("found", none, ApiMode.SYNCHRONOUS, pc -> pc.get(DemoData.EDUCATION_CUSTOMER), "found"),
                new Scenario("found through the async API", none, ApiMode.ASYNCHRONOUS,
                        pc -> pc.get(DemoData.EDUCATION_CUSTOMER), "found"),
                new Scenario("codes listed", none, ApiMode.SYNCHRONOUS,
                        PartnerCenterQualifications::listValidationCodes, "listed"),
                new Scenario("validations listed", none, ApiMode.SYNCHRONOUS,
                        pc -> pc.listValidations(DemoData.GCC_CUSTOMER), "listed"),
                new Scenario("invalid request, nothing sent", none, ApiMode.SYNCHRONOUS,
                        pc -> pc.update(QualificationRequest.of(DemoData.FRESH_CUSTOMER,
                                Qualification.GOVERNMENT_COMMUNITY_CLOUD)), "invalid_request"),
                new Scenario("rejected", fake -> fake.failNext(1, Fault.rejected(403, "20002", "No relationship")),
                        ApiMode.SYNCHRONOUS, pc -> pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER)),
                        "rejected"),
                new Scenario("not found", none, ApiMode.SYNCHRONOUS, pc -> pc.get(UNKNOWN), "not_found"),
                new Scenario("throttled once, then found",
                        fake -> fake.failNext(1, Fault.throttled(Duration.ofSeconds(7))), ApiMode.SYNCHRONOUS,
                        pc -> pc.get(DemoData.EDUCATION_CUSTOMER), "found"),
                new Scenario("throttled on every attempt", fake -> fake.failNext(3, Fault.throttled(Duration.ofSeconds(5))),
                        ApiMode.SYNCHRONOUS, pc -> pc.get(DemoData.EDUCATION_CUSTOMER), "unavailable"),
                new Scenario("server errors until the policy ends", fake -> fake.failNext(3, Fault.serverError(503)),
                        ApiMode.SYNCHRONOUS, PartnerCenterQualifications::listValidationCodes, "unavailable"),
                new Scenario("a permanent server error", fake -> fake.failNext(1, Fault.serverError(501)),
                        ApiMode.SYNCHRONOUS, pc -> pc.get(DemoData.EDUCATION_CUSTOMER), "unavailable"),
                new Scenario("a refused token", fake -> fake.failNext(2, Fault.unauthorized()), ApiMode.SYNCHRONOUS,
                        pc -> pc.listValidations(DemoData.GCC_CUSTOMER), "authentication_failed"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theFakeAndRestOverTheEmulator_giveTheSameObservations(Scenario scenario) throws IOException {
        List<String> overTheFake = observed(scenario, false);
        List<String> overRest = observed(scenario, true);

        assertThat(overTheFake.get(0)).startsWith("0 " + OPERATION + " <- none")
                .contains("outcome=" + scenario.outcome());
        assertThat(overTheFake).as("the operation, and an attempt unless nothing could be sent")
                .hasSize(scenario.outcome().equals("invalid_request") ? 1 : overTheFake.size())
                .hasSizeGreaterThanOrEqualTo(scenario.outcome().equals("invalid_request") ? 1 : 2);
        assertThat(overRest).as("over REST against the emulator, as over the in-memory fake")
                .containsExactlyElementsOf(overTheFake);
    }

    /** The observations of one scenario on a fresh stack, one line each: index, name, parent's index, keys. */
    private static List<String> observed(Scenario scenario, boolean overHttp) throws IOException {
        RecordingSleeper time = new RecordingSleeper();
        InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time));
        scenario.script().accept(fake);
        TestObservationRegistry registry = TestObservationRegistry.create();
        PartnerCenterQualifications.Builder builder = PartnerCenterQualifications.builder().api(scenario.mode())
                .sleeper(time).clock(time.clock()).retryPolicy(POLICY).observationRegistry(registry);
        if (overHttp) {
            try (FakePartnerCenterServer server = FakePartnerCenterServer.start(fake, 0);
                    PartnerCenterQualifications pc = builder.partnerCenter(server.baseUri(), () -> "parity-token-1")
                            .build()) {
                scenario.call().apply(pc);
            }
        } else {
            try (PartnerCenterQualifications pc = builder.ports(fake).build()) {
                scenario.call().apply(pc);
            }
        }
        List<Seen> seen = seen(registry);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            int parent = -1;
            for (int j = 0; j < seen.size(); j++) {
                if (s.parent() == seen.get(j).context()) {
                    parent = j;
                }
            }
            lines.add(i + " " + s.name() + " <- " + (parent < 0 ? "none" : parent) + " " + s.low());
        }
        assertThat(lines).as("at least the operation").isNotEmpty();
        return lines;
    }
}
