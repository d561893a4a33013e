package io.github.pcqualification.auth.msal;

import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.form;
import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.testing.CapturingSlf4jProvider;
import io.github.pcqualification.domain.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Secure Application Model source against a loopback token endpoint over TLS: the exact form it posts, one
 * request while the token is valid, renewal before expiry, the rotated refresh token, single flight.
 */
class SecureApplicationModelTokensTest {

    static final String TENANT = "8a6a3b2c-1d4e-4f50-9a1b-2c3d4e5f6a7b";
    static final String CLIENT = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    static final String SECRET = "canary-secret-Q9w8E7r6T5y4";
    static final String REFRESH_0 = "canary-refresh-0-AbCdEfGhIj";
    static final String REFRESH_1 = "canary-refresh-1-KlMnOpQrSt";
    static final String REFRESH_2 = "canary-refresh-2-UvWxYzAbCd";
    static final String ACCESS_1 = "canary-access-1-eyJ0eXAiOiJKV1Qi";
    static final String ACCESS_2 = "canary-access-2-eyJ0eXAiOiJKV1Qi";
    static final String ACCESS_3 = "canary-access-3-eyJ0eXAiOiJKV1Qi";
    static final String SCOPE = SecureApplicationModelTokens.USER_IMPERSONATION;

    @RegisterExtension
    final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

    private final TestClock clock = new TestClock();
    private final List<String> rotated = new CopyOnWriteArrayList<>();

    private SecureApplicationModelTokens.Builder builder() {
        return SecureApplicationModelTokens.builder()
                .authority(endpoint.authority())
                .tenantId(TENANT)
                .clientId(CLIENT)
                .clientSecret(SECRET)
                .refreshToken(REFRESH_0)
                .onRefreshTokenRotated(rotated::add)
                .clock(clock);
    }

    @Test
    void theExchange_postsTheRefreshTokenGrantWithTheAppsCredentialsAndTheUserImpersonationScope() throws Exception {
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));

        TokenOutcome outcome = builder().build().currentToken();

        assertThat(outcome).isInstanceOf(AccessToken.class);
        AccessToken token = (AccessToken) outcome;
        assertThat(token.value()).isEqualTo(ACCESS_1);
        assertThat(token.kind()).isEqualTo(TokenKind.APP_USER);
        assertThat(token.expiresAt()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(clock.instant().plusSeconds(3598), clock.instant().plusSeconds(3600)));
        RecordedRequest request = endpoint.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(request);
        assertThat(form).containsEntry("grant_type", "refresh_token")
                .containsEntry("client_id", CLIENT)
                .containsEntry("client_secret", SECRET)
                .containsEntry("refresh_token", REFRESH_0)
                .doesNotContainKeys("client_assertion", "password", "code");
        assertThat(form.get("scope").split(" ")).contains(SCOPE, "offline_access");
    }

    @Test
    void aCertificate_signsAClientAssertion_insteadOfSendingASecret() throws Exception {
        HeldCertificate appCertificate = new HeldCertificate.Builder().rsa2048().commonName("contoso-pc-app").build();
        endpoint.enqueue(tokens(ACCESS_1, null, 3600, SCOPE));

        TokenOutcome outcome = SecureApplicationModelTokens.builder().authority(endpoint.authority()).tenantId(TENANT)
                .clientId(CLIENT).certificate(appCertificate.keyPair().getPrivate(), appCertificate.certificate())
                .refreshToken(REFRESH_0).clock(clock).build().currentToken();

        assertThat(outcome).isInstanceOf(AccessToken.class);
        Map<String, String> form = form(endpoint.take());
        assertThat(form).containsEntry("grant_type", "refresh_token").containsEntry("client_id", CLIENT)
                .containsEntry("refresh_token", REFRESH_0)
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        assertThat(form.get("client_assertion")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aWholeBulkJobOfCalls_whileTheTokenIsValid_costsOneTokenRequest() {
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();

        List<TokenOutcome> outcomes = new ArrayList<>();
        for (int row = 0; row < 500; row++) {
            outcomes.add(tokens.currentToken());
            clock.advance(Duration.ofSeconds(6));    // 500 rows over 50 minutes: inside the token's 55 fresh minutes
        }

        assertThat(outcomes).allSatisfy(t -> assertThat(((AccessToken) t).value()).isEqualTo(ACCESS_1));
        assertThat(endpoint.requestCount()).isEqualTo(1);
    }

    @Test
    void theToken_isRenewedBeforeItExpires_notAfter() throws Exception {
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, REFRESH_1, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();
        tokens.currentToken();

        clock.advance(Duration.ofMinutes(55).minusSeconds(3));     // 5 minutes (and a little) before expiry: fresh
        TokenOutcome stillFresh = tokens.currentToken();
        clock.advance(Duration.ofSeconds(5));                       // inside the 5 minutes: renewed
        TokenOutcome renewed = tokens.currentToken();

        assertThat(((AccessToken) stillFresh).value()).isEqualTo(ACCESS_1);
        assertThat(((AccessToken) renewed).value()).isEqualTo(ACCESS_2);
        assertThat(endpoint.requestCount()).isEqualTo(2);
        assertThat(((AccessToken) renewed).expiresAt().orElseThrow()).isAfter(clock.instant().plusSeconds(3590));
    }

    @Test
    void theRotatedRefreshToken_reachesTheCallbackOnce_andIsSentWithTheNextExchange() throws Exception {
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, REFRESH_1, 3600, SCOPE));   // the same one again: no callback
        endpoint.enqueue(tokens(ACCESS_3, REFRESH_2, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();

        tokens.currentToken();
        clock.advance(Duration.ofMinutes(56));
        tokens.currentToken();
        clock.advance(Duration.ofMinutes(56));
        tokens.currentToken();

        assertThat(rotated).containsExactly(REFRESH_1, REFRESH_2);
        assertThat(form(endpoint.take())).containsEntry("refresh_token", REFRESH_0);
        assertThat(form(endpoint.take())).containsEntry("refresh_token", REFRESH_1);
        assertThat(form(endpoint.take())).containsEntry("refresh_token", REFRESH_1);
    }

    @Test
    void anAnswerWithoutARefreshToken_keepsTheOneSent_andCallsNobody() throws Exception {
        endpoint.enqueue(tokens(ACCESS_1, null, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, null, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();

        tokens.currentToken();
        clock.advance(Duration.ofMinutes(56));
        tokens.currentToken();

        assertThat(rotated).isEmpty();
        assertThat(form(endpoint.take())).containsEntry("refresh_token", REFRESH_0);
        assertThat(form(endpoint.take())).containsEntry("refresh_token", REFRESH_0);
    }

    @Test
    void aCallbackThatThrows_doesNotBreakTheTokenFlow_andIsReportedOnceWithoutTheToken() throws Exception {
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, REFRESH_1, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder()
                .onRefreshTokenRotated(token -> {
                    throw new IllegalStateException("vault is read-only, cannot store " + token);
                })
                .build();

        CapturingSlf4jProvider.start();
        TokenOutcome first;
        TokenOutcome second;
        try {
            first = tokens.currentToken();
            clock.advance(Duration.ofMinutes(56));
            second = tokens.currentToken();
        } finally {
            List<String> lines = CapturingSlf4jProvider.stop();
            assertThat(lines.stream().filter(l -> l.contains("onRefreshTokenRotated")))
                    .singleElement().asString()
                    .startsWith("WARN ").contains("IllegalStateException").contains("not persisted")
                    .doesNotContain(REFRESH_1);
            assertThat(String.join("\n", lines)).doesNotContain(REFRESH_0, REFRESH_1, SECRET, ACCESS_1, ACCESS_2);
        }

        assertThat(((AccessToken) first).value()).isEqualTo(ACCESS_1);
        assertThat(((AccessToken) second).value()).isEqualTo(ACCESS_2);
        endpoint.take();
        assertThat(form(endpoint.take())).as("the new refresh token is used in memory")
                .containsEntry("refresh_token", REFRESH_1);
    }

    @Test
    void renewedToken_forcesOneExchange_andABurstOf401sCostsOne() {
        endpoint.enqueue(tokens(ACCESS_1, null, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, null, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();
        tokens.currentToken();
        clock.advance(Duration.ofMinutes(1));

        TokenOutcome renewed = tokens.renewedToken();
        List<TokenOutcome> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(tokens.renewedToken());
        }

        assertThat(((AccessToken) renewed).value()).isEqualTo(ACCESS_2);
        assertThat(burst).allSatisfy(t -> assertThat(((AccessToken) t).value()).isEqualTo(ACCESS_2));
        assertThat(tokens.currentToken()).isEqualTo(renewed);
        assertThat(endpoint.requestCount()).isEqualTo(2);
    }

    @Test
    void concurrentCallersWithoutAToken_waitForOneExchange() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        endpoint.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return tokens(ACCESS_1, null, 3600, SCOPE);
            }
        });
        SecureApplicationModelTokens tokens = builder().build();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<TokenOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(tokens::currentToken));
            }
            awaitTrue(() -> endpoint.requestCount() == 1 && tokens.waitingCallers() == 7);
            release.countDown();

            for (Future<TokenOutcome> result : results) {
                assertThat(((AccessToken) result.get(10, TimeUnit.SECONDS)).value()).isEqualTo(ACCESS_1);
            }
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
        assertThat(endpoint.requestCount()).isEqualTo(1);
    }

    @Test
    void whileOneCallerRenews_othersKeepUsingTheStillValidToken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        endpoint.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (form(request).get("refresh_token").equals(REFRESH_1)) {
                    release.await(10, TimeUnit.SECONDS);
                    return tokens(ACCESS_2, REFRESH_1, 3600, SCOPE);
                }
                return tokens(ACCESS_1, REFRESH_1, 3600, SCOPE);
            }
        });
        SecureApplicationModelTokens tokens = builder().build();
        tokens.currentToken();
        clock.advance(Duration.ofMinutes(57));      // in the renewal window, 3 minutes before expiry
        ExecutorService renewer = Executors.newSingleThreadExecutor();
        try {
            Future<TokenOutcome> renewal = renewer.submit(tokens::currentToken);
            awaitTrue(() -> endpoint.requestCount() == 2);

            TokenOutcome meanwhile = tokens.currentToken();
            release.countDown();

            assertThat(((AccessToken) meanwhile).value()).isEqualTo(ACCESS_1);
            assertThat(((AccessToken) renewal.get(10, TimeUnit.SECONDS)).value()).isEqualTo(ACCESS_2);
        } finally {
            release.countDown();
            renewer.shutdownNow();
        }
    }

    @Test
    void aFailedRenewal_keepsTheStillValidToken_andIsNotRetriedForFiveSeconds() {
        endpoint.enqueue(tokens(ACCESS_1, null, 3600, SCOPE));
        endpoint.enqueue(LoopbackTokenEndpoint.error(503, "temporarily_unavailable", "AADSTS90033: busy.")
                .setHeader("Retry-After", "1"));
        endpoint.enqueue(tokens(ACCESS_2, null, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();
        tokens.currentToken();
        clock.advance(Duration.ofMinutes(56));

        TokenOutcome duringHiccup = tokens.currentToken();
        TokenOutcome rightAfter = tokens.currentToken();
        clock.advance(Duration.ofSeconds(5));
        TokenOutcome later = tokens.currentToken();

        assertThat(((AccessToken) duringHiccup).value()).isEqualTo(ACCESS_1);
        assertThat(((AccessToken) rightAfter).value()).isEqualTo(ACCESS_1);
        assertThat(((AccessToken) later).value()).isEqualTo(ACCESS_2);
        assertThat(endpoint.requestCount()).isEqualTo(3);
    }

    @Test
    void theBuilder_namesWhatIsMissing_andRefusesWhatCannotWork() {
        assertThatThrownBy(() -> SecureApplicationModelTokens.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenantId").hasMessageContaining("clientId")
                .hasMessageContaining("clientSecret or certificate").hasMessageContaining("refreshToken");
        assertThatThrownBy(() -> builder().authority(URI.create("http://login.microsoftonline.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> builder().authority(URI.create("https://login.microsoftonline.com/contoso")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant is given separately");
        assertThatThrownBy(() -> builder().tenantId("contoso/../common"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().refreshToken(" ")).isInstanceOf(IllegalArgumentException.class);
        HeldCertificate certificate = new HeldCertificate.Builder().build();
        assertThatThrownBy(() -> builder().certificate(certificate.keyPair().getPrivate(), certificate.certificate()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    @Test
    void toString_showsTheSetup_butNoSecret() {
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));
        SecureApplicationModelTokens tokens = builder().build();
        tokens.currentToken();

        assertThat(tokens.toString()).contains(CLIENT, TENANT, "localhost:")
                .doesNotContain(SECRET, REFRESH_0, REFRESH_1, ACCESS_1);
        assertThat(tokens.currentToken().toString()).doesNotContain(ACCESS_1);
    }

    /** Waits (without sleeping: it yields) until {@code condition} holds, at most 10 s. */
    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.yield();
        }
    }
}
