package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Updated;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** {@code --metrics}' collector on a fake-backed run, on virtual time, so every number of the summary is known. */
class CallMetricsTest {

    private final RecordingSleeper time = new RecordingSleeper();
    private final LongSupplier virtualNanos = () -> nanos(time.clock().instant());
    private final InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time));
    private final CallMetrics metrics = new CallMetrics(virtualNanos);
    private final SharedThrottle throttle = new SharedThrottle(0, virtualNanos, time);
    private final PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake)
            .sleeper(time).clock(time.clock()).requestGate(throttle)
            .observationRegistry(CallMetrics.registryFor(metrics)).build();

    @Test
    void theSummary_countsCallsByOutcome_attempts_throttledWaitsAndTheirTime_andLatency() {
        fake.failNext(2, Fault.throttled(Duration.ofSeconds(57)));
        assertThat(pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER))).isInstanceOf(Updated.class);
        assertThat(pc.get(CustomerId.parse("99999999-9999-4999-8999-999999999999"))).isInstanceOf(NotFound.class);
        assertThat(pc.listValidationCodes()).isInstanceOf(CodesListed.class);
        throttle.throttled(Duration.ofSeconds(30));                      // another worker's 429
        assertThat(pc.get(DemoData.EDUCATION_CUSTOMER)).isInstanceOf(Found.class);

        assertThat(metrics.summary()).containsExactly(
                "metrics: 4 calls (updated 1, found 1, listed 1, not_found 1)",
                "  attempts: 6, 2 asked for a retry (throttled 2)",
                "  throttled waits: 3 (retry_after 2, shared_pause 1), 2 min 24 s in total",
                "  latency: p50 0.0 ms, p95 1 min 53 s, max 1 min 54 s");
    }

    @Test
    void retriesAsked_areCountedByReason() {
        fake.failNext(1, Fault.serverError(503));

        pc.listValidations(DemoData.FRESH_CUSTOMER);

        assertThat(metrics.summary()).element(1).isEqualTo("  attempts: 2, 1 asked for a retry (server_error 1)");
        assertThat(metrics.summary()).element(2).isEqualTo("  throttled waits: 0");
    }

    @Test
    void withoutCalls_theSummaryIsOneLine() {
        assertThat(metrics.summary()).containsExactly("metrics: no calls");
    }

    @Test
    void durations_readAsPeopleWriteThem() {
        assertThat(CallMetrics.format(Duration.ofNanos(400_000))).isEqualTo("0.4 ms");
        assertThat(CallMetrics.format(Duration.ofMillis(120))).isEqualTo("120 ms");
        assertThat(CallMetrics.format(Duration.ofMillis(57_300))).isEqualTo("57.3 s");
        assertThat(CallMetrics.format(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
