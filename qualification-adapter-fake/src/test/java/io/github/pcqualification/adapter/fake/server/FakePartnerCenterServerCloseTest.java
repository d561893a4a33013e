package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the served fake stops: at the first {@code close()}, at once when idle, after the exchanges in flight are
 * answered, and within a bounded time when one never finishes (up to a second, then it is interrupted). An exchange
 * is held in flight by a gated scripted latency, released by the test; nothing sleeps.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakePartnerCenterServerCloseTest {

    private static final String FRESH = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualification";
    /** Well under the one second close() gives exchanges in flight, well over what closing takes. */
    private static final Duration PROMPTLY = Duration.ofMillis(600);

    private final GatedSleeper gate = new GatedSleeper(Duration.ofSeconds(5));
    private final InMemoryPartnerCenter backend = DemoData.seed(new InMemoryPartnerCenter(gate));
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private FakePartnerCenterServer server;

    @BeforeEach
    void start() throws IOException {
        server = FakePartnerCenterServer.start(backend, 0);
    }

    @AfterEach
    void stop() {
        gate.open();
        server.close();
    }

    private HttpRequest get(URI base) {
        return HttpRequest.newBuilder(base.resolve(FRESH)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer t").GET().build();
    }

    /** Starts a request whose answer waits at the gate, and returns once it waits there. */
    private CompletableFuture<HttpResponse<String>> anExchangeInFlight() {
        backend.failNext(1, Fault.latency(Duration.ofSeconds(1)));
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(get(server.baseUri()), BodyHandlers.ofString());
        gate.awaitEntered(1, Duration.ofSeconds(5));
        return response;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void theFirstClose_stopsListening() {
        URI base = server.baseUri();

        server.close();

        assertThatThrownBy(() -> client.send(get(base), BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void closingAServerThatHasAnsweredRequests_returnsPromptly() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(get(server.baseUri()), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        long start = System.nanoTime();

        server.close();

        assertThat(since(start)).isLessThan(PROMPTLY);
    }

    @Test
    void close_waitsForAnExchangeInFlight_andReturnsPromptlyOnceItIsAnswered() throws Exception {
        CompletableFuture<HttpResponse<String>> inFlight = anExchangeInFlight();
        AtomicLong closedAt = new AtomicLong();
        Thread closer = new Thread(() -> {
            server.close();
            closedAt.set(System.nanoTime());
        }, "closer");
        closer.start();
        assertThat(Polling.awaitStateOrEnd(closer, Thread.State.TIMED_WAITING, Duration.ofSeconds(5)))
                .as("close() waits for the exchange in flight").isEqualTo(Thread.State.TIMED_WAITING);

        long opened = System.nanoTime();
        gate.open();
        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        closer.join(TimeUnit.SECONDS.toMillis(5));
        Duration closedAfter = Duration.ofNanos(closedAt.get() - opened);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"none\"");
        assertThat(closer.isAlive()).isFalse();
        assertThat(closedAfter).as("close() returns once the exchange is answered").isLessThan(PROMPTLY);
        assertThat(gate.interrupted()).isZero();
    }

    @Test
    void close_givesAStuckExchangeOneSecond_thenInterruptsIt() throws Exception {
        CompletableFuture<HttpResponse<String>> stuck = anExchangeInFlight();
        long start = System.nanoTime();

        server.close();
        Duration took = since(start);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(3));
        Polling.await(() -> gate.interrupted() == 1, Duration.ofSeconds(2), "the stuck exchange to be interrupted");
        assertThat(stuck.handle((response, error) -> "ended").get(5, TimeUnit.SECONDS)).isEqualTo("ended");
    }

    @Test
    void interruptingTheClosingThread_endsItsWait_stopsTheServer_andKeepsTheInterrupt() throws Exception {
        anExchangeInFlight();
        URI base = server.baseUri();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            server.close();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "closer");
        closer.start();
        assertThat(Polling.awaitStateOrEnd(closer, Thread.State.TIMED_WAITING, Duration.ofSeconds(5)))
                .isEqualTo(Thread.State.TIMED_WAITING);

        closer.interrupt();
        closer.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(closer.isAlive()).isFalse();
        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        assertThatThrownBy(() -> client.send(get(base), BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        Polling.await(() -> gate.interrupted() == 1, Duration.ofSeconds(2), "the exchange in flight to be interrupted");
    }
}
