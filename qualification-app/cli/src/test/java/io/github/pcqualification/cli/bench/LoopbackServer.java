package io.github.pcqualification.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark fixture: the smallest loopback server that answers every request {@code 200} with the
 * bare JSON string {@code "education"}, identically for the library and the raw OkHttp baseline.
 *
 * <p>The JDK server (not MockWebServer): MockWebServer keeps every {@code RecordedRequest} in an
 * unbounded queue (memory grows over a run) and hands each request through its own queue and
 * dispatcher; the JDK server handles the exchange on its dispatcher thread with no per-request
 * bookkeeping. {@code sun.net.httpserver.nodelay=true} avoids the Nagle + delayed-ACK stall of about
 * 40 ms per kept-alive call.
 */
final class LoopbackServer implements AutoCloseable {

    static final byte[] ANSWER = "\"education\"".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private volatile boolean capturing;
    private final List<String> captured = new ArrayList<>();

    LoopbackServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::answer);
        server.setExecutor(null); // handled on the dispatcher thread: no hand-off per request
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts recording requests (method, path, headers, body); for the set-up check only. */
    synchronized void capture() {
        captured.clear();
        capturing = true;
    }

    /** Stops recording and returns what came in since {@link #capture()}. */
    synchronized List<String> captured() {
        capturing = false;
        return List.copyOf(captured);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (capturing) {
            record(exchange, body);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, ANSWER.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(ANSWER);
        }
    }

    private synchronized void record(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        captured.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + headers + " "
                + new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
