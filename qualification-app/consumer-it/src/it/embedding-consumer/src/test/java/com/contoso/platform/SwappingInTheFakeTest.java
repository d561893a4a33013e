package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Updated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's snippet that hands the embedding builder the fake instead of Partner Center. */
class SwappingInTheFakeTest {

    @Test
    void theBuilderRunsTheUseCasesOnTheFake_withItsScriptedFaults() {
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter()
                .addCustomer(CustomerId.parse("11111111-1111-4111-8111-111111111111"))
                .addValidationCode(ValidationCode.of("12345"), 5, 5)
                .failNext(2, Fault.throttled(Duration.ofSeconds(57)));       // scripted, deterministic faults
        PartnerCenterQualifications partnerCenter = PartnerCenterQualifications.builder().ports(fake).build();

        QualificationRequest gcc = QualificationRequest.governmentCommunityCloud(
                CustomerId.parse("11111111-1111-4111-8111-111111111111"), ValidationCode.of("12345"));
        assertThat(partnerCenter.update(gcc)).isInstanceOf(Unavailable.class);
        assertThat(partnerCenter.update(gcc)).isInstanceOf(Unavailable.class);
        assertThat(partnerCenter.update(gcc)).isInstanceOf(Updated.class);
        assertThat(fake.remainingCreates(ValidationCode.of("12345"))).isEqualTo(4);
    }
}
