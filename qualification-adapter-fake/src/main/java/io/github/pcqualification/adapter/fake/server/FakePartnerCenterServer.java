package io.github.pcqualification.adapter.fake.server;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.WireAnswers.Answer;
import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.RequestId;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adapter: the {@link InMemoryPartnerCenter} served over loopback HTTP, speaking Partner Center's wire
 * protocol, so the REST adapter (or {@code curl}) can be tested against it offline.
 *
 * <p>Endpoints (spec section 3): {@code PUT|GET /v1/customers/{id}/qualification} (bare JSON string
 * bodies; answers in lower case), {@code POST|GET /v1/customers/{id}/qualifications} ({@code 201} with
 * one object; {@code 200} with {@code {"qualifications":[...]}}), {@code GET /v1/customers/all/validations}
 * (the partner's codes, a bare array) and {@code GET /v1/customers/{id}/validations} (the validations linked to the
 * customer, a bare array). Every request needs {@code Authorization: Bearer <token>} (any non-blank token; it is
 * never logged or echoed), else {@code 401}. {@code MS-CorrelationId} and {@code MS-RequestId} are
 * echoed (fresh GUIDs when absent). Errors are ApiFault objects
 * {@code {"code":..,"description":..,"data":[],"source":"PartnerFD"}}, a bare JSON string where the
 * service names no code, and {@code 429} with {@code Retry-After} and {@code {"statusCode":429,"message":..}}
 * when throttling is scripted on the backing fake.
 *
 * <p>Binds to {@code 127.0.0.1} only, answers on a fixed number of threads while connections are read and
 * written on their own (bounded) daemon threads under a per-server I/O deadline, so slow or stalled clients
 * never hold the answering threads, and stops within a bounded time on {@link #close()}.
 */
public final class FakePartnerCenterServer implements AutoCloseable {

    /** Threads answering requests by default; more concurrent requests wait for one. */
    public static final int THREADS = 4;

    /** How long reading one request (line, headers, body) or writing one answer may take by default. */
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The JDK server's switch for {@code TCP_NODELAY}, read once per JVM: without it a kept-alive call costs about
     * 40 ms (Nagle and delayed ACK). A library must not set JVM-wide properties, so the CLI sets it at its start and
     * tests set it in their build; embedders set {@code -Dsun.net.httpserver.nodelay=true} themselves.
     */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern VALIDATIONS = Pattern.compile("/v1/customers/all/validations");
    /** Matched after {@link #VALIDATIONS}: {@code all} is the partner's codes, never a customer. */
    private static final Pattern CUSTOMER_VALIDATIONS = Pattern.compile("/v1/customers/([^/]+)/validations");
    private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/([^/]+)/(qualification|qualifications)");

    private final EmulatedEndpoints endpoints;
    private final HttpServer server;
    private final BoundedExchanges executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Predicate<String> refusedTokens = token -> false;
    private final Object inFlightLock = new Object();
    private int inFlight;

    private FakePartnerCenterServer(InMemoryPartnerCenter backend, HttpServer server, BoundedExchanges executor) {
        this.endpoints = new EmulatedEndpoints(backend);
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code backend} on {@code 127.0.0.1:port}; {@code 0} picks a free port.
     *
     * @param backend the fake to serve
     * @param port 0 to 65535
     * @return the running server, with {@link #THREADS} serving threads and the {@link #IO_TIMEOUT}; close it to stop
     * @throws IOException if the port cannot be bound
     */
    public static FakePartnerCenterServer start(InMemoryPartnerCenter backend, int port) throws IOException {
        return start(backend, port, THREADS);
    }

    /**
     * Starts serving {@code backend} on {@code 127.0.0.1:port} with {@code threads} serving threads (a
     * scripted latency holds one thread per request, so a load test needs as many as it has clients).
     *
     * @param backend the fake to serve
     * @param port 0 to 65535
     * @param threads 1 to 1024
     * @return the running server; close it to stop
     * @throws IllegalArgumentException if {@code port} or {@code threads} is out of range
     * @throws IOException if the port cannot be bound
     */
    public static FakePartnerCenterServer start(InMemoryPartnerCenter backend, int port, int threads) throws IOException {
        return start(backend, port, threads, IO_TIMEOUT);
    }

    /**
     * Starts serving {@code backend} on {@code 127.0.0.1:port} with {@code threads} threads answering requests and
     * a deadline on the I/O of each exchange: a connection whose request (line, headers and body) is not read
     * within {@code ioTimeout}, or whose answer is not taken within it, is closed. Connections are read and
     * written on their own threads, so slow or stalled clients never hold the answering threads; at most
     * {@link #maxConnections(int)} are read or written at once, a connection past that is closed at once.
     *
     * @param backend the fake to serve
     * @param port 0 to 65535
     * @param threads 1 to 1024
     * @param ioTimeout 1 ms to 1 hour
     * @return the running server; close it to stop
     * @throws IllegalArgumentException if an argument is out of range
     * @throws IOException if the port cannot be bound
     */
    public static FakePartnerCenterServer start(InMemoryPartnerCenter backend, int port, int threads, Duration ioTimeout)
            throws IOException {
        checkNotNull(backend, "backend");
        checkNotNull(ioTimeout, "ioTimeout");
        checkArgument(port >= 0 && port <= 65535, "port must be between 0 and 65535, got %s", port);
        checkArgument(threads >= 1 && threads <= 1024, "threads must be between 1 and 1024, got %s", threads);
        checkArgument(ioTimeout.compareTo(Duration.ofMillis(1)) >= 0 && ioTimeout.compareTo(Duration.ofHours(1)) <= 0,
                "ioTimeout must be between 1 ms and 1 hour, got %s", ioTimeout);
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        BoundedExchanges executor = new BoundedExchanges(threads, maxConnections(threads), ioTimeout);
        FakePartnerCenterServer fake = new FakePartnerCenterServer(backend, server, executor);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        return fake;
    }

    /**
     * How many connections a server with {@code threads} answering threads reads or writes at once.
     *
     * @param threads 1 to 1024
     * @return {@code 4 * threads + 64}
     */
    public static int maxConnections(int threads) {
        return 4 * threads + 64;
    }

    /**
     * Answers {@code 401} to every request whose bearer token {@code refused} accepts, as Partner Center does
     * for an expired or revoked token (by default no token is refused).
     *
     * @param refused which tokens to refuse
     * @return this server
     */
    public FakePartnerCenterServer refuseTokens(Predicate<String> refused) {
        this.refusedTokens = checkNotNull(refused, "refused");
        return this;
    }

    /**
     * The port it listens on.
     *
     * @return the port, the chosen one when started with {@code 0}
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The base URL to give the REST adapter.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * Gives running exchanges up to one second to finish, stops listening, then stops the threads
     * (interrupting any still running, e.g. in a scripted latency). Bounded; idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        synchronized (inFlightLock) {
            long left;
            while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(inFlightLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // stop(0): HttpServer.stop(n) tends to wait the whole n seconds even when idle; draining is done above.
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- exchange

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (inFlightLock) {
            inFlight++;
        }
        try (exchange) {
            String correlation = exchange.getRequestHeaders().getFirst("MS-CorrelationId");
            String request = exchange.getRequestHeaders().getFirst("MS-RequestId");
            OperationContext context = new OperationContext(new CorrelationId(guidOrRandom(correlation)),
                    new RequestId(guidOrRandom(request)));
            exchange.getResponseHeaders().set("MS-CorrelationId",
                    correlation != null ? correlation : context.correlationId().toString());
            exchange.getResponseHeaders().set("MS-RequestId",
                    request != null ? request : context.requestId().toString());
            Optional<String> body;
            try {
                body = readBody(exchange);
            } catch (IOException e) {
                if (executor.timedOut()) {
                    throw e; // the deadline passed: the connection is closed, nobody to answer
                }
                // A malformed chunked body or a broken stream: answer, and close what cannot be read on from.
                exchange.getResponseHeaders().set("Connection", "close");
                send(exchange, WireAnswers.fault(400, "400", "The request body could not be read."));
                return;
            }
            Answer answer = executor.answer(() -> {
                try {
                    return answer(exchange, body, context);
                } catch (RuntimeException e) {
                    return WireAnswers.fault(500, "500", "The fake failed to answer: " + e.getClass().getSimpleName());
                }
            });
            send(exchange, answer);
        } finally {
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }

    private static UUID guidOrRandom(String header) {
        if (header != null) {
            try {
                return CustomerId.parse(header.trim()).value();
            } catch (IllegalArgumentException notAGuid) {
                // The service would refuse it; the fake uses a fresh id and still echoes what came.
            }
        }
        return UUID.randomUUID();
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        // No flush: closing the exchange (try-with-resources in handle) flushes the body.
        exchange.getResponseBody().write(bytes);
    }

    private Answer answer(HttpExchange exchange, Optional<String> body, OperationContext context) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.substring(7).isBlank()) {
            return WireAnswers.fault(401, "401", "Access denied: a bearer token is required.");
        }
        String requestId = exchange.getRequestHeaders().getFirst("MS-RequestId");
        if (refusedTokens.test(authorization.substring(7)) || endpoints.repeatsARefusedOperation(requestId)) {
            return unauthorized();
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (VALIDATIONS.matcher(path).matches()) {
            return "GET".equals(method) ? endpoints.codes(context) : methodNotAllowed("GET");
        }
        Matcher validationsPath = CUSTOMER_VALIDATIONS.matcher(path);
        if (validationsPath.matches()) {
            if (!"GET".equals(method)) {
                return methodNotAllowed("GET");
            }
            return customerId(validationsPath.group(1)).map(customer -> endpoints.validations(customer, context))
                    .orElseGet(FakePartnerCenterServer::invalidCustomerId);
        }
        Matcher customerPath = CUSTOMER.matcher(path);
        if (!customerPath.matches()) {
            return Answer.json(404, "No such resource: " + path);
        }
        boolean sync = customerPath.group(2).equals("qualification");
        String write = sync ? "PUT" : "POST";
        if (!method.equals("GET") && !method.equals(write)) {
            return methodNotAllowed("GET, " + write);
        }
        Optional<CustomerId> parsed = customerId(customerPath.group(1));
        if (parsed.isEmpty()) {
            return invalidCustomerId();
        }
        CustomerId customer = parsed.get();
        if (body.isEmpty()) {
            return Answer.json(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return switch (method) {
            case "PUT" -> endpoints.setQualification(customer, body.get(), exchange.getRequestURI().getRawQuery(), context);
            case "POST" -> endpoints.requestQualification(customer, body.get(), context);
            default -> sync ? endpoints.getQualification(customer, context) : endpoints.getQualifications(customer, context);
        };
    }

    /** The customer id of a path, or empty when it is not a GUID (the service answers 400, 900118). */
    private static Optional<CustomerId> customerId(String text) {
        try {
            return Optional.of(CustomerId.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Answer invalidCustomerId() {
        return WireAnswers.fault(400, "900118", "Invalid customer id.");
    }

    static Answer unauthorized() {
        return WireAnswers.fault(401, "401", "Access denied: the access token is invalid or expired.");
    }

    private static Answer methodNotAllowed(String allowed) {
        return new Answer(405, WireAnswers.fault(405, "405", "Method not allowed.").body(), Map.of("Allow", allowed));
    }

    /** The body, or empty when it is larger than {@link #MAX_BODY_BYTES} (the rest is left unread). */
    private static Optional<String> readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

}
