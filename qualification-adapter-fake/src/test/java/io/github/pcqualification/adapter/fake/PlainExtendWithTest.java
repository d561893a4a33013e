package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.testing.PartnerCenterFakeExtension;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.service.QualificationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without {@code @WithFakePartnerCenter}, the extension gives the demo data set and the synchronous API. */
@ExtendWith(PartnerCenterFakeExtension.class)
class PlainExtendWithTest {

    @Test
    void gccForTheFreshCustomer_consumesADemoCreate(QualificationService service, InMemoryPartnerCenter partnerCenter) {
        var outcome = service.update(QualificationRequest.governmentCommunityCloud(
                DemoData.SECOND_FRESH_CUSTOMER, DemoData.VALIDATION_CODE));

        assertThat(service.mode()).isEqualTo(ApiMode.SYNCHRONOUS);
        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(partnerCenter.qualificationsOf(DemoData.SECOND_FRESH_CUSTOMER).get(0).qualification()
                .is(Qualification.GOVERNMENT_COMMUNITY_CLOUD)).isTrue();
        assertThat(partnerCenter.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(4);
    }
}
