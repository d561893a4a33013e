package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The served fake's threads ({@link BoundedExchanges}), seen from outside: daemon threads; answers limited to the
 * answering threads while others wait their turn; a deadline on reading and writing only, never on computing the
 * answer; a connection within its deadline left alone, and one past it closed soon after. Exchanges are held in flight
 * by a gated scripted latency; the only waits on real time are socket timeouts.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedExchangesTest {

    private static final String FRESH = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualification";
    private static final String GCC = "/v1/customers/" + DemoData.GCC_CUSTOMER + "/qualification";
    private static final String PARTIAL_HEADERS = "GET /v1/customers/all/validations HTTP/1.1\r\nHost: 127.0.0.1\r\n";

    private final GatedSleeper gate = new GatedSleeper(Duration.ofSeconds(5));
    private final InMemoryPartnerCenter backend = DemoData.seed(new InMemoryPartnerCenter(gate));
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<Socket> sockets = new ArrayList<>();
    private FakePartnerCenterServer server;

    @AfterEach
    void stop() {
        gate.open();
        sockets.forEach(RawConnections::closeQuietly);
        if (server != null) {
            server.close();
        }
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer t").GET().build(), BodyHandlers.ofString());
    }

    private Socket open(String text) throws IOException {
        Socket socket = RawConnections.open(server.port(), text);
        sockets.add(socket);
        return socket;
    }

    /** Whether one of the fake's threads is parked waiting for an answering permit. */
    private static boolean aThreadWaitsToAnswer() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey().getName().startsWith("fake-partner-center-") && Arrays.stream(thread.getValue())
                    .anyMatch(f -> f.getClassName().equals(Semaphore.class.getName()) && f.getMethodName().equals("acquire"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theThreadsThatAnswer_andTheirWatchdog_areDaemons() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2);
        gate.open();
        backend.failNext(1, Fault.latency(Duration.ofSeconds(1)));

        HttpResponse<String> response = getAsync(FRESH).get(5, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gate.threads()).singleElement().satisfies(answering -> {
            assertThat(answering.getName()).matches("fake-partner-center-\\d+-\\d+");
            assertThat(answering.isDaemon()).isTrue();
        });
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().matches("fake-partner-center-\\d+-watchdog-1"))
                .isNotEmpty().allSatisfy(watchdog -> assertThat(watchdog.isDaemon()).isTrue());
    }

    @Test
    void withOneAnsweringThread_aSecondRequestWaitsForTheFirstToBeAnswered() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 1);
        backend.failNext(2, Fault.latency(Duration.ofSeconds(1)));
        CompletableFuture<HttpResponse<String>> first = getAsync(FRESH);
        gate.awaitEntered(1, Duration.ofSeconds(5));

        CompletableFuture<HttpResponse<String>> second = getAsync(GCC);
        Polling.await(() -> gate.entered() > 1 || aThreadWaitsToAnswer(), Duration.ofSeconds(5),
                "the second request to wait for a permit or to be answered");

        assertThat(gate.entered()).as("answers computed at once").isOne();
        gate.open();
        assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("\"none\"");
        assertThat(second.get(5, TimeUnit.SECONDS).body()).isEqualTo("\"governmentcommunitycloud\"");
        assertThat(gate.entered()).isEqualTo(2);
    }

    @Test
    void anAnswerTakingLongerThanTheIoDeadline_isStillSent_forTheDeadlineBoundsOnlyReadingAndWriting() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, Duration.ofMillis(200));
        backend.failNext(1, Fault.latency(Duration.ofSeconds(1)));
        CompletableFuture<HttpResponse<String>> slowAnswer = getAsync(FRESH);
        gate.awaitEntered(1, Duration.ofSeconds(5));

        // Two connections that stall, one after the other. The watchdog's pass that closes the first also looks at the
        // slow answer (whose read deadline passed earlier); the second is closed in a later pass, so by then that
        // pass has ended: the slow answer has outlived its read deadline, and been looked at, before the gate opens.
        String firstStalled = RawConnections.readUntilClosed(open(PARTIAL_HEADERS), Duration.ofSeconds(3));
        String secondStalled = RawConnections.readUntilClosed(open(PARTIAL_HEADERS), Duration.ofSeconds(3));
        gate.open();
        HttpResponse<String> response = slowAnswer.get(5, TimeUnit.SECONDS);

        assertThat(firstStalled).isEmpty();
        assertThat(secondStalled).isEmpty();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"none\"");
        assertThat(gate.interrupted()).isZero();
    }

    @Test
    void aSlowClientWithinItsDeadline_isLeftAlone_andServed() throws Exception {
        // a 2 s deadline, looked at every half second: the connection outlives the watchdog's first looks
        server = FakePartnerCenterServer.start(backend, 0, 2, Duration.ofSeconds(2));
        Socket slow = open(PARTIAL_HEADERS);
        slow.setSoTimeout(900);

        assertThatThrownBy(() -> slow.getInputStream().read()).as("still open, nothing answered yet")
                .isInstanceOf(SocketTimeoutException.class);
        RawConnections.send(slow, "Authorization: Bearer t\r\nConnection: close\r\n\r\n");
        String answer = RawConnections.readUntilClosed(slow, Duration.ofSeconds(3));

        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"validationId\":\"DEMO-GCC-12345\"");
    }

    @Test
    void aStalledConnection_isClosedWithinAQuarterOfTheDeadlineAfterIt() throws Exception {
        // 200 ms, looked at every 50 ms: closed by about 250 ms, well before 700 ms
        server = FakePartnerCenterServer.start(backend, 0, 2, Duration.ofMillis(200));

        String answer = RawConnections.readUntilClosed(open(PARTIAL_HEADERS), Duration.ofMillis(700));

        assertThat(answer).isEmpty();
    }
}
