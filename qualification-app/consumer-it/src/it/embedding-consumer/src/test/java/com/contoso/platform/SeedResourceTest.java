package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.SeedFile;
import io.github.pcqualification.adapter.fake.testing.WithFakePartnerCenter;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.CodesListed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's seed file, from the consumer's own class path: it means what serve-fake --seed means. */
class SeedResourceTest {

    private static final CustomerId SEEDED = CustomerId.parse("55555555-5555-4555-8555-555555555555");

    @Test
    @WithFakePartnerCenter(seedResource = "my-seed.json")
    void aSeedResource_holdsWhatServeFakeSeedHolds_insteadOfTheDemoData(InMemoryPartnerCenter partnerCenter)
            throws Exception {
        InMemoryPartnerCenter servedWithSeed = SeedFile.read(Path.of(getClass().getResource("/my-seed.json").toURI()));

        assertThat(partnerCenter.qualificationsOf(SEEDED)).hasSize(2).isEqualTo(servedWithSeed.qualificationsOf(SEEDED));
        assertThat(codes(partnerCenter)).isEqualTo(codes(servedWithSeed));
        assertThatThrownBy(() -> partnerCenter.qualificationsOf(DemoData.GCC_CUSTOMER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object codes(InMemoryPartnerCenter partnerCenter) {
        return ((CodesListed) partnerCenter.listValidationCodes(OperationContext.newOperation())).codes();
    }
}
