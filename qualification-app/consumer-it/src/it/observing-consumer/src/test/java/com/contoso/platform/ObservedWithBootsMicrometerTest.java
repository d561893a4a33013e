package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Updated;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A platform on Spring Boot 3.5's Micrometer (1.15.x, older than the 1.17 the library is built against) passes its
 * registry, and sees the documented observations: one operation, its attempts under it, and the throttled wait.
 */
class ObservedWithBootsMicrometerTest {

    private static final CustomerId SCHOOL = CustomerId.parse("11111111-1111-4111-8111-111111111111");

    @Test
    void thePlatformRunsBootsMicrometer_notTheLibrarys() {
        assertThat(ObservationRegistry.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("micrometer-observation-1.15.");
    }

    @Test
    void aThrottledUpdate_isOneOperation_withTwoAttemptsAndOneThrottledWait() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        RecordingSleeper time = new RecordingSleeper();
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(time).addCustomer(SCHOOL)
                .failNext(1, Fault.throttled(Duration.ofSeconds(30)));

        try (PartnerCenterQualifications partnerCenter = PartnerCenterQualifications.builder()
                .ports(fake).sleeper(time).clock(time.clock()).observationRegistry(registry).build()) {
            assertThat(partnerCenter.update(QualificationRequest.education(SCHOOL))).isInstanceOf(Updated.class);
        }

        List<String> seen = new ArrayList<>();
        registry.assertThat().hasHandledContextsThatSatisfy(contexts -> {
            Observation.Context operation = contexts.get(0);
            for (Observation.Context context : contexts) {
                List<String> keys = new ArrayList<>();
                context.getLowCardinalityKeyValues().forEach((KeyValue kv) -> keys.add(kv.getKey() + "=" + kv.getValue()));
                keys.sort(null);
                boolean child = context.getParentObservation() != null
                        && context.getParentObservation().getContextView() == operation;
                seen.add(context.getName() + (child ? " (child) " : " ") + keys);
            }
        });
        assertThat(seen).containsExactly(
                "partnercenter.qualification.operation [api=sync, operation=update, outcome=updated]",
                "partnercenter.qualification.attempt (child) [attempt=1, call=set_qualification, retry.reason=throttled,"
                        + " status=429]",
                "partnercenter.qualification.throttled (child) [source=retry_after]",
                "partnercenter.qualification.attempt (child) [attempt=2, call=set_qualification, retry.reason=none,"
                        + " status=2xx]");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }
}
