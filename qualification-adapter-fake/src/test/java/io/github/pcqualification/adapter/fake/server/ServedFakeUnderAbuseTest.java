package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The served fake under abuse (slowloris, malformed and unfinished bodies, floods, a client that never reads):
 * normal requests keep being answered, and what cannot be parsed or never completes is answered or closed, each
 * within a bounded time. Every attack is bounded in count; nothing here sleeps but socket timeouts.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServedFakeUnderAbuseTest {

    private static final Duration IO_TIMEOUT = Duration.ofMillis(400);
    private static final String FRESH = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualification";

    private final InMemoryPartnerCenter backend = DemoData.newDemoPartnerCenter();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<Socket> attackers = new ArrayList<>();
    private FakePartnerCenterServer server;

    @AfterEach
    void stop() {
        attackers.forEach(ServedFakeUnderAbuseTest::closeQuietly);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void moreSlowlorisConnectionsThanThreads_doNotStopNormalRequests() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2);
        for (int i = 0; i < 8; i++) {
            attack("GET /v1/customers/all/validations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n");
        }

        for (int i = 0; i < 4; i++) {
            assertThat(validations().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void moreNeverFinishedBodiesThanThreads_doNotStopNormalRequests() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2);
        for (int i = 0; i < 8; i++) {
            attack(put("Content-Length: 100\r\n") + "\"Edu");
        }

        for (int i = 0; i < 4; i++) {
            assertThat(validations().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedChunkedBody_isAnswered400_andTheConnectionClosed() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2);

        String answer = readAll(attack(put("Transfer-Encoding: chunked\r\n") + "zz\r\n\"Education\"\r\n0\r\n\r\n"));

        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"source\":\"PartnerFD\"");
        assertThat(validations().statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyCutShort_isAnswered400_andTheConnectionClosed() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2);

        String answer = readAll(attack(put("Transfer-Encoding: chunked\r\n") + "b\r\n\"Education\"XX0\r\n\r\n"));

        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    @Test
    void aBodyThatNeverCompletes_isClosedAfterTheIoTimeout() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);
        long start = System.nanoTime();

        String answer = readAll(attack(put("Content-Length: 100\r\n") + "\"Edu"));

        assertThat(answer).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void partialHeadersThatNeverComplete_areClosedAfterTheIoTimeout() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);

        String answer = readAll(attack("GET /v1/customers/all/validations HTTP/1.1\r\nHost: 127.0.0.1\r\n"));

        assertThat(answer).isEmpty();
    }

    @Test
    void expectContinue_thenNoBody_isClosedAfterTheIoTimeout() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);

        String answer = readAll(attack(put("Content-Length: 11\r\nExpect: 100-continue\r\n")));

        assertThat(answer).doesNotContain("HTTP/1.1 200");
        assertThat(validations().statusCode()).isEqualTo(200);
    }

    @Test
    void aHugeHeaderBlock_isRefusedOrClosed_andNormalRequestsGoOn() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("a".repeat(100)).append("\r\n");
        }

        String answer;
        try {
            answer = readAll(attack("GET /v1/customers/all/validations HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer x\r\n" + headers + "\r\n"));
        } catch (SocketException closedWhileSending) {
            answer = "";
        }

        assertThat(answer).doesNotContain("HTTP/1.1 200");
        assertThat(validations().statusCode()).isEqualTo(200);
    }

    @Test
    void moreConnectionsThanTheServerTakes_areClosed_andNormalRequestsAreServedAgainAfterTheIoTimeout() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 1, IO_TIMEOUT);
        int connections = FakePartnerCenterServer.maxConnections(1) + 20;
        for (int i = 0; i < connections; i++) {
            attack("GET /v1/customers/all/validations HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = validations().statusCode();
            } catch (IOException refusedWhileFull) {
                status = -1;
            }
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aPipelinedFloodFromAClientThatNeverReads_isClosed_andOthersAreServed() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);
        Socket flood = new Socket();
        attackers.add(flood);
        flood.setReceiveBufferSize(4096);
        flood.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
        byte[] one = ("GET /v1/customers/all/validations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        AtomicBoolean closedByTheServer = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 200_000; i++) {
                    flood.getOutputStream().write(one);
                }
            } catch (IOException e) {
                closedByTheServer.set(true); // once the server gives up on the never-read answers
            }
        }, "pipelined-flood");
        writer.setDaemon(true);
        writer.start();

        for (int i = 0; i < 4; i++) {
            assertThat(validations().statusCode()).isEqualTo(200);
        }
        writer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(closedByTheServer).as("the server closed the flood's connection").isTrue();
    }

    @Test
    void aTricklingBody_isClosedAtTheDeadline_thoughEachByteArrivesInTime() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);
        Socket socket = attack(put("Content-Length: 1000\r\n"));
        socket.setSoTimeout(50); // the pace of the trickle: one byte, then up to 50 ms waiting for the server
        long start = System.nanoTime();

        boolean closed = false;
        for (int i = 0; i < 100 && !closed; i++) {
            try {
                socket.getOutputStream().write(' ');
                closed = socket.getInputStream().read() < 0;
            } catch (SocketTimeoutException stillOpen) {
                // the next byte
            } catch (SocketException closedByTheServer) {
                closed = true;
            }
        }

        assertThat(closed).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aDeclaredHugeBody_isAnswered413_andTheConnectionClosed() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 2, IO_TIMEOUT);

        String answer = readAll(attack(put("Content-Length: 10000000000\r\n") + " ".repeat(70_000)));

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(validations().statusCode()).isEqualTo(200);
    }

    @Test
    void manySilentConnections_holdNoThread() throws Exception {
        server = FakePartnerCenterServer.start(backend, 0, 1, IO_TIMEOUT);
        for (int i = 0; i < FakePartnerCenterServer.maxConnections(1) + 100; i++) {
            attack("");
        }

        for (int i = 0; i < 4; i++) {
            assertThat(validations().statusCode()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> validations() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.baseUri().resolve("/v1/customers/all/validations"))
                .timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer x")
                .build(), BodyHandlers.ofString());
    }

    private static String put(String headers) {
        return "PUT " + FRESH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n"
                + "Content-Type: application/json\r\n" + headers + "\r\n";
    }

    /** A raw connection that sends {@code text} and then nothing, left open. */
    private Socket attack(String text) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        attackers.add(socket);
        socket.setSoTimeout(3000);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Everything the server sends until it closes; fails if it keeps the connection open past the timeout. */
    private static String readAll(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection is still open after 3 s; received: " + all, stillOpen);
        } catch (SocketException reset) {
            // closed by the server with data unread: as good as an orderly close
        }
        return all.toString(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
