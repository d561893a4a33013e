package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.adapter.fake.testing.WithFakePartnerCenter;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Found;
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
    void ridesOutThrottling(QualificationService qualifications, InMemoryPartnerCenter partnerCenter, RecordingSleeper time) {
        partnerCenter.failNext(1, Fault.throttled(Duration.ofSeconds(57)));     // 429 with Retry-After: 57

        assertThat(qualifications.get(DemoData.EDUCATION_CUSTOMER)).isInstanceOf(Found.class);   // as in production
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(57));       // waited on virtual time
    }

    @Test
    void reportsThrottlingThatOutlastsTheRetries(QualificationService qualifications, InMemoryPartnerCenter partnerCenter) {
        partnerCenter.failNext(5, Fault.throttled(Duration.ofSeconds(57)));     // every attempt of the default policy

        assertThat(qualifications.get(DemoData.EDUCATION_CUSTOMER)).isInstanceOf(Unavailable.class);
    }
}
