package io.github.pcqualification.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.auth.msal.SecureApplicationModelTokens;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long job keeps working: a bulk-like run of updates through {@link PartnerCenterQualifications} over REST to the
 * served fake, with Secure Application Model tokens from a loopback token endpoint over TLS. Mid-run the token
 * reaches its renewal time (the clock moves 56 minutes), and later Partner Center starts refusing the current token
 * (revoked early, 401) while several workers use it. Every row succeeds, and the token endpoint sees exactly three
 * requests: the first token, the renewal before expiry, and one renewal for the whole burst of 401s.
 */
class TokenRenewalEndToEndTest {

    private static final String SECRET = "canary-e2e-secret-5f4e3d";
    private static final String FIRST_REFRESH = "canary-e2e-refresh-0";
    private static final int ROWS_PER_PHASE = 20;
    private static final int WORKERS = 4;

    @RegisterExtension
    final LoopbackEntraId entraId = new LoopbackEntraId("canary-e2e-");

    @Test
    void aTokenThatExpiresOrIsRevokedMidRun_isRenewedWithoutFailingARow() throws Exception {
        List<CustomerId> customers = new ArrayList<>();
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter();
        for (int i = 0; i < 3 * ROWS_PER_PHASE; i++) {
            CustomerId customer = CustomerId.parse(String.format(Locale.ROOT, "%08x-0000-4000-8000-000000000000", i + 1));
            customers.add(customer);
            fake.addCustomer(customer);
        }
        Set<String> revoked = ConcurrentHashMap.newKeySet();
        List<String> rotated = new CopyOnWriteArrayList<>();
        TestClock clock = new TestClock();
        SecureApplicationModelTokens tokens = SecureApplicationModelTokens.builder()
                .authority(entraId.authority())
                .tenantId("contoso.onmicrosoft.com")
                .clientId("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
                .clientSecret(SECRET)
                .refreshToken(FIRST_REFRESH)
                .onRefreshTokenRotated(rotated::add)
                .clock(clock)
                .build();
        List<UpdateOutcome> outcomes = new CopyOnWriteArrayList<>();

        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(fake, 0).refuseTokens(revoked::contains);
                PartnerCenterQualifications partnerCenter = PartnerCenterQualifications.builder()
                        .partnerCenter(server.baseUri(), tokens).httpLogging(true).build()) {
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                outcomes.addAll(run(workers, partnerCenter, customers.subList(0, ROWS_PER_PHASE)));
                clock.advance(Duration.ofMinutes(56));                  // inside the 5 minutes before expiry
                outcomes.addAll(run(workers, partnerCenter, customers.subList(ROWS_PER_PHASE, 2 * ROWS_PER_PHASE)));
                clock.advance(Duration.ofMinutes(1));
                revoked.add("canary-e2e-access-2");                     // Partner Center refuses it from now on
                outcomes.addAll(run(workers, partnerCenter, customers.subList(2 * ROWS_PER_PHASE, 3 * ROWS_PER_PHASE)));
            } finally {
                workers.shutdownNow();
            }
        }

        assertThat(outcomes).hasSize(3 * ROWS_PER_PHASE).allSatisfy(o -> assertThat(o).isInstanceOf(Updated.class));
        assertThat(customers).allSatisfy(c -> assertThat(fake.qualificationsOf(c)).hasSize(1));
        assertThat(entraId.forms()).as("first token, renewal before expiry, one renewal for the burst of 401s")
                .hasSize(3);
        assertThat(entraId.forms()).extracting(form -> form.get("refresh_token"))
                .containsExactly(FIRST_REFRESH, "canary-e2e-refresh-1", "canary-e2e-refresh-2");
        assertThat(rotated).containsExactly("canary-e2e-refresh-1", "canary-e2e-refresh-2", "canary-e2e-refresh-3");
    }

    private static List<UpdateOutcome> run(ExecutorService workers, PartnerCenterQualifications partnerCenter,
            List<CustomerId> customers) throws Exception {
        List<Future<UpdateOutcome>> futures = new ArrayList<>();
        for (CustomerId customer : customers) {
            futures.add(workers.submit(() -> partnerCenter.update(QualificationRequest.education(customer))));
        }
        List<UpdateOutcome> outcomes = new ArrayList<>();
        for (Future<UpdateOutcome> future : futures) {
            outcomes.add(future.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
