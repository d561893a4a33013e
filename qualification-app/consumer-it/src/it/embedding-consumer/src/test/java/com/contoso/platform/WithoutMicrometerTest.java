package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Updated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Observations are optional: this platform has no Micrometer (the library's micrometer-observation is an optional
 * dependency, so it did not come along), and a full update through the library works without it.
 */
class WithoutMicrometerTest {

    @Test
    void micrometerIsNotOnThePlatformsClassPath() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.observation.ObservationRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aFullUpdateOverHttp_retriedAfterAThrottle_worksWithoutIt() throws Exception {
        RecordingSleeper time = new RecordingSleeper();
        InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time))
                .failNext(1, Fault.throttled(Duration.ofSeconds(2)));
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(fake, 0);
                PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                        .partnerCenter(server.baseUri(), () -> "consumer-token")
                        .sleeper(time).clock(time.clock())
                        .build()) {

            assertThat(pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER))).isInstanceOf(Updated.class);
            assertThat(pc.get(DemoData.FRESH_CUSTOMER)).isInstanceOf(Found.class);
            assertThat(pc.listValidationCodes().correlationId()).isNotNull();
            assertThat(pc.listValidations(DemoData.FRESH_CUSTOMER).correlationId()).isNotNull();
        }

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }
}
