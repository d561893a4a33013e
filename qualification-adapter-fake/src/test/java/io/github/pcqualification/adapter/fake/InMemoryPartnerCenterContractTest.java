package io.github.pcqualification.adapter.fake;

import io.github.pcqualification.adapter.fake.testing.QualificationPortContract;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;

/** The port contract, run against the fake directly. */
class InMemoryPartnerCenterContractTest extends QualificationPortContract {

    private final InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(new RecordingSleeper()));

    @Override
    protected InMemoryPartnerCenter backend() {
        return fake;
    }

    @Override
    protected QualificationPort qualificationPort() {
        return fake;
    }

    @Override
    protected ValidationCodePort validationCodePort() {
        return fake;
    }
}
