package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.ResilientPorts;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import io.github.pcqualification.domain.testing.TestClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on 127.0.0.1, an adapter pointed at it (under a path prefix), a fake clock and sleeper. */
abstract class MockServerTest {

    /** A canary: if this string shows up anywhere it should not, the token leaked. */
    static final String TOKEN = "CANARY-t0ken-5ecret-9f8e7d";
    static final String REFRESHED_TOKEN = "CANARY-refreshed-t0ken-1a2b";
    static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    static final OperationContext CONTEXT = new OperationContext(
            new CorrelationId(UUID.fromString("11111111-2222-4333-8444-555555555555")),
            new RequestId(UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa")));
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final String PREFIX = "/pc/";

    MockWebServer server;
    TestClock clock;
    RecordingSleeper sleeper;
    private final List<RestQualificationAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        // a request nobody expected is answered at once (418) instead of waiting for the read timeout
        QueueDispatcher dispatcher = new QueueDispatcher();
        dispatcher.setFailFast(new MockResponse().setResponseCode(418).setBody("\"unexpected request\""));
        server.setDispatcher(dispatcher);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        clock = new TestClock(START);
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void stopServer() throws IOException {
        adapters.forEach(RestQualificationAdapter::close);
        server.shutdown();
    }

    /** The adapter with test defaults: one attempt per call, fake clock. */
    RestQualificationAdapter adapter() {
        return adapter(b -> b);
    }

    RestQualificationAdapter adapter(UnaryOperator<RestQualificationAdapter.Builder> custom) {
        RestQualificationAdapter.Builder builder = RestQualificationAdapter.builder()
                .baseUrl(server.url(PREFIX).uri())
                .accessTokens(AccessTokenPort.of(() -> TOKEN))
                .clock(clock)
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10));
        RestQualificationAdapter adapter = custom.apply(builder).build();
        adapters.add(adapter);
        return adapter;
    }

    /** The adapter behind the resilience decorator, as the library wires it: fake clock and sleeper, full jitter. */
    ResilientPorts resilient(RetryPolicy policy) {
        return resilient(policy, RequestGate.open(), () -> 1.0, b -> b);
    }

    ResilientPorts resilient(RetryPolicy policy, UnaryOperator<RestQualificationAdapter.Builder> custom) {
        return resilient(policy, RequestGate.open(), () -> 1.0, custom);
    }

    ResilientPorts resilient(RetryPolicy policy, RequestGate gate) {
        return resilient(policy, gate, () -> 1.0, b -> b);
    }

    ResilientPorts resilient(RetryPolicy policy, RequestGate gate, DoubleSupplier jitter,
            UnaryOperator<RestQualificationAdapter.Builder> custom) {
        return ResilientPorts.over(adapter(custom)).retryPolicy(policy).requestGate(gate).clock(clock).sleeper(sleeper)
                .jitter(jitter).build();
    }

    void enqueue(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setBody(body));
    }

    void enqueueJson(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json; charset=utf-8").setBody(body));
    }

    /** The next request the server received; fails the test if none came within 2 s. */
    RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }
}
