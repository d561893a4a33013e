package com.contoso.platform;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.QualificationPortContract;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;

/** The fake's contract suite, subclassed from a consumer that has only the README's test dependencies. */
class FakeAdapterContractTest extends QualificationPortContract {

    private final InMemoryPartnerCenter backend = new InMemoryPartnerCenter(new RecordingSleeper());

    @Override
    protected InMemoryPartnerCenter backend() {
        return backend;
    }

    @Override
    protected QualificationPort qualificationPort() {
        return backend;
    }

    @Override
    protected ValidationCodePort validationCodePort() {
        return backend;
    }
}
