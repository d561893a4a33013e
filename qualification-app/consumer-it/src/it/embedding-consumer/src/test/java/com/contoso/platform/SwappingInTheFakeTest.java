package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.Updated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's snippet that hands the embedding builder the fake instead of Partner Center. */
class SwappingInTheFakeTest {

    @Test
    void theBuilderRunsTheUseCasesOnTheFake_retryingItsScriptedFaultsAsProductionDoes() {
        RecordingSleeper time = new RecordingSleeper();                      // virtual time: no wait is real
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(time)
                .addCustomer(CustomerId.parse("11111111-1111-4111-8111-111111111111"))
                .addValidationCode(ValidationCode.of("12345"), 5, 5)
                .failNext(2, Fault.throttled(Duration.ofSeconds(57)));       // 429 twice, as the service would
        PartnerCenterQualifications partnerCenter = PartnerCenterQualifications.builder()
                .ports(fake).sleeper(time).clock(time.clock())               // retried exactly as in production
                .build();

        QualificationRequest gcc = QualificationRequest.governmentCommunityCloud(
                CustomerId.parse("11111111-1111-4111-8111-111111111111"), ValidationCode.of("12345"));
        assertThat(partnerCenter.update(gcc)).isInstanceOf(Updated.class);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(57), Duration.ofSeconds(57));
        assertThat(fake.callCount()).isEqualTo(3);
        assertThat(fake.remainingCreates(ValidationCode.of("12345"))).isEqualTo(4);
    }
}
