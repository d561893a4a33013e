package io.github.pcqualification.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedding builder: what each option reaches, over the fake and over HTTP to a recording server on loopback. */
@Timeout(30)
class PartnerCenterQualificationsTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Deque<int[]> statuses = new ArrayDeque<>();
    private final Deque<String> bodies = new ArrayDeque<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(Map.of("method", exchange.getRequestMethod(),
                    "path", exchange.getRequestURI().getPath(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "application", String.valueOf(exchange.getRequestHeaders().getFirst("MS-PartnerCenter-Application")),
                    "locale", String.valueOf(exchange.getRequestHeaders().getFirst("X-Locale"))));
            int status;
            String body;
            synchronized (statuses) {
                int[] next = statuses.poll();
                status = next == null ? 200 : next[0];
                body = bodies.isEmpty() ? "\"education\"" : bodies.poll();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(int status, String body) {
        synchronized (statuses) {
            statuses.add(new int[] {status});
            bodies.add(body);
        }
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void overTheFake_theRetryPolicyTheSleeperAndTheClock_applyAsInProduction() {
        RecordingSleeper time = new RecordingSleeper();
        InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time));
        fake.failNext(2, Fault.throttled(Duration.ofSeconds(57)));

        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake)
                .retryPolicy(new RetryPolicy(2, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .sleeper(time).clock(time.clock()).build()) {
            var outcome = pc.get(DemoData.EDUCATION_CUSTOMER);

            assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> assertThat(u.attempts()).isEqualTo(2));
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(57));
            assertThat(pc.mode()).isEqualTo(ApiMode.SYNCHRONOUS);
        }
    }

    @Test
    void aGate_isPassedBeforeEveryAttempt_overTheFakeToo() {
        AtomicInteger turns = new AtomicInteger();
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        RequestGate counting = new RequestGate() {
            @Override
            public void awaitTurn() {
                turns.incrementAndGet();
            }

            @Override
            public void throttled(Duration retryAfter) {}
        };

        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake, fake)
                .requestGate(counting).build()) {
            assertThat(pc.listValidationCodes()).isInstanceOf(CodesListed.class);
            assertThat(pc.listValidations(DemoData.FRESH_CUSTOMER)).isInstanceOf(ValidationsListed.class);
            assertThat(pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER))).isInstanceOf(Updated.class);
        }

        assertThat(turns).hasValue(3);
    }

    @Test
    void overHttp_everyOptionReachesTheWire() {
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                .partnerCenter(baseUrl(), () -> "token-1")
                .applicationName("Contoso Platform").locale("en-GB")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.noRetries()).httpLogging(false)
                .api(ApiMode.SYNCHRONOUS).build()) {
            var outcome = pc.get(CUSTOMER);

            assertThat(outcome).isInstanceOf(Found.class);
        }

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.get("method")).isEqualTo("GET");
            assertThat(r.get("path")).isEqualTo("/v1/customers/" + CUSTOMER + "/qualification");
            assertThat(r.get("authorization")).isEqualTo("Bearer token-1");
            assertThat(r.get("application")).isEqualTo("Contoso Platform");
            assertThat(r.get("locale")).isEqualTo("en-GB");
        });
    }

    @Test
    void theAsynchronousApi_readsThroughTheVettedEndpoint() {
        answer(200, "{\"qualifications\":[]}");

        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                .partnerCenter(baseUrl(), () -> "token-1").api(ApiMode.ASYNCHRONOUS).build()) {
            assertThat(pc.mode()).isEqualTo(ApiMode.ASYNCHRONOUS);
            assertThat(pc.get(CUSTOMER)).isInstanceOf(Found.class);
        }

        assertThat(requests).singleElement().satisfies(
                r -> assertThat(r.get("path")).isEqualTo("/v1/customers/" + CUSTOMER + "/qualifications"));
    }

    @Test
    void aRefusedToken_isRenewedOnce_withTheRefreshedTokenSupplier() {
        answer(401, "{\"code\":401,\"description\":\"expired\"}");
        answer(401, "{\"code\":401,\"description\":\"expired\"}");

        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                .partnerCenter(baseUrl(), () -> "old-token").refreshedToken(() -> "new-token").build()) {
            assertThat(pc.get(CUSTOMER)).isInstanceOf(AuthenticationFailed.class);
        }

        assertThat(requests).extracting(r -> r.get("authorization"))
                .containsExactly("Bearer old-token", "Bearer new-token");
    }

    @Test
    void withoutARefreshedTokenSupplier_theSameSupplierIsAskedAgain() {
        answer(401, "{\"code\":401,\"description\":\"expired\"}");
        AtomicInteger asked = new AtomicInteger();

        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                .partnerCenter(baseUrl(), () -> "token-" + asked.incrementAndGet()).build()) {
            assertThat(pc.get(CUSTOMER)).isInstanceOf(Found.class);
        }

        assertThat(requests).extracting(r -> r.get("authorization")).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void build_needsExactlyOneTarget() {
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(new RecordingSleeper());

        assertThatThrownBy(() -> PartnerCenterQualifications.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("choose partnerCenter");
        assertThatThrownBy(() -> PartnerCenterQualifications.builder().ports(fake)
                .partnerCenter(baseUrl(), () -> "t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    @Test
    void badOptions_areRefusedWhenGiven() {
        PartnerCenterQualifications.Builder builder = PartnerCenterQualifications.builder();

        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.callTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.locale("not a locale")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.retryPolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.sleeper(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.requestGate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.api(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.refreshedToken(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void close_releasesTheHttpClient_andIsHarmlessTwice_andOverTheFakeHasNothingToRelease() {
        PartnerCenterQualifications overHttp = PartnerCenterQualifications.builder()
                .partnerCenter(baseUrl(), () -> "t").build();
        PartnerCenterQualifications overFake = PartnerCenterQualifications.builder()
                .ports(new InMemoryPartnerCenter(new RecordingSleeper())).build();

        overHttp.close();

        assertThatCode(overHttp::close).doesNotThrowAnyException();
        assertThatCode(overFake::close).doesNotThrowAnyException();
    }
}
