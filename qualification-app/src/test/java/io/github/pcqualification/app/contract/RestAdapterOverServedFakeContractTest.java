package io.github.pcqualification.app.contract;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.adapter.fake.testing.QualificationPortContract;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.adapter.rest.RestQualificationAdapter;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The port contract, run against the REST adapter talking over loopback HTTP to the fake served by
 * {@link FakePartnerCenterServer}. If the fake and the real adapter ever disagree, it shows here.
 */
class RestAdapterOverServedFakeContractTest extends QualificationPortContract {

    private final InMemoryPartnerCenter backend = new InMemoryPartnerCenter(new RecordingSleeper());
    private FakePartnerCenterServer server;
    private RestQualificationAdapter adapter;

    @BeforeEach
    void serve() throws IOException {
        server = FakePartnerCenterServer.start(backend, 0);
        adapter = RestQualificationAdapter.builder()
                .baseUrl(server.baseUri())
                .accessTokens(AccessTokenPort.of(() -> "contract-token"))
                .build();
    }

    @AfterEach
    void stop() {
        adapter.close();
        server.close();
    }

    @Override
    protected InMemoryPartnerCenter backend() {
        return backend;
    }

    @Override
    protected QualificationPort qualificationPort() {
        return adapter;
    }

    @Override
    protected ValidationCodePort validationCodePort() {
        return adapter;
    }
}
