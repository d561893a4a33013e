package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.WithFakePartnerCenter;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.service.QualificationService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithFakePartnerCenter      // a fresh fake per test holding DemoData; seedResource = "my-seed.json" holds that file instead
class OnboardingTest {      // named *Test so Surefire runs it by default (an *IT class runs only under Failsafe)

    @Test
    void tagsASchool(QualificationService qualifications, InMemoryPartnerCenter partnerCenter) {
        UpdateOutcome outcome = qualifications.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(partnerCenter.qualificationsOf(DemoData.FRESH_CUSTOMER)).hasSize(1);
    }

    @Test
    void reportsThrottling(QualificationService qualifications, InMemoryPartnerCenter partnerCenter) {
        partnerCenter.failNext(1, Fault.throttled(Duration.ofSeconds(57)));

        assertThat(qualifications.get(DemoData.EDUCATION_CUSTOMER)).isInstanceOf(Unavailable.class);
    }
}
