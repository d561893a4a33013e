package io.github.pcqualification.adapter.fake.server;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pcqualification.adapter.fake.FakeJson;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.Updated;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * (bare array). Every request needs {@code Authorization: Bearer <token>} (any non-blank token; it is
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

    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern VALIDATIONS = Pattern.compile("/v1/customers/all/validations");
    private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/([^/]+)/(qualification|qualifications)");

    private final InMemoryPartnerCenter backend;
    private final HttpServer server;
    private final BoundedExchanges executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Operations (by MS-RequestId) refused with 401: their retry with a renewed token is refused too. */
    private final Set<String> unauthorizedRequests = ConcurrentHashMap.newKeySet();
    private volatile Predicate<String> refusedTokens = token -> false;
    private final Object inFlightLock = new Object();
    private int inFlight;

    private FakePartnerCenterServer(InMemoryPartnerCenter backend, HttpServer server, BoundedExchanges executor) {
        this.backend = backend;
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
        if (System.getProperty(NODELAY) == null) {
            // Without TCP_NODELAY the JDK server costs ~40 ms per kept-alive call (Nagle + delayed ACK).
            System.setProperty(NODELAY, "true");
        }
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

    /** What to send back. {@code body} empty means no body. */
    private record Answer(int status, Optional<String> body, Map<String, String> headers) {
        static Answer json(int status, Object value) {
            return new Answer(status, Optional.of(FakeJson.write(value)), Map.of());
        }

        /** Partner Center's ApiFault body ({@link FakeJson#apiFault}). */
        static Answer fault(int status, String code, String description) {
            return new Answer(status, Optional.of(FakeJson.apiFault(code, description)), Map.of());
        }
    }

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
                send(exchange, Answer.fault(400, "400", "The request body could not be read."));
                return;
            }
            Answer answer = executor.answer(() -> {
                try {
                    return answer(exchange, body, context);
                } catch (RuntimeException e) {
                    return Answer.fault(500, "500", "The fake failed to answer: " + e.getClass().getSimpleName());
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
        if (answer.body().isEmpty()) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.getResponseBody().flush();
    }

    private Answer answer(HttpExchange exchange, Optional<String> body, OperationContext context) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.substring(7).isBlank()) {
            return Answer.fault(401, "401", "Access denied: a bearer token is required.");
        }
        String requestId = exchange.getRequestHeaders().getFirst("MS-RequestId");
        if (refusedTokens.test(authorization.substring(7)) || (requestId != null && unauthorizedRequests.remove(requestId))) {
            return unauthorized();
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (VALIDATIONS.matcher(path).matches()) {
            return "GET".equals(method) ? codes(context) : methodNotAllowed("GET");
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
        CustomerId customer;
        try {
            customer = CustomerId.parse(customerPath.group(1));
        } catch (IllegalArgumentException e) {
            return Answer.fault(400, "900118", "Invalid customer id.");
        }
        if (body.isEmpty()) {
            return Answer.json(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return switch (method) {
            case "PUT" -> setQualification(customer, body.get(), exchange.getRequestURI().getRawQuery(), context);
            case "POST" -> requestQualification(customer, body.get(), context);
            default -> sync ? getQualification(customer, context) : getQualifications(customer, context);
        };
    }

    private static Answer unauthorized() {
        return Answer.fault(401, "401", "Access denied: the access token is invalid or expired.");
    }

    private static Answer methodNotAllowed(String allowed) {
        return new Answer(405, Optional.of(FakeJson.apiFault("405", "Method not allowed.")), Map.of("Allow", allowed));
    }

    /** The body, or empty when it is larger than {@link #MAX_BODY_BYTES} (the rest is left unread). */
    private static Optional<String> readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- endpoints

    private Answer setQualification(CustomerId customer, String body, String rawQuery, OperationContext context) {
        Optional<Qualification> qualification = parseQualification(readJson(body));
        if (qualification.isEmpty()) {
            return Answer.fault(400, "900126", "Unable to parse the qualification in the request body.");
        }
        Optional<ValidationCode> code;
        try {
            code = queryParameter(rawQuery, "code").map(ValidationCode::of);
        } catch (IllegalArgumentException e) {
            return Answer.json(400, "The validation code is not valid.");
        }
        QualificationRequest request = new QualificationRequest(customer, qualification.get(), code,
                Optional.empty(), Optional.empty());
        Outcome outcome = backend.setQualification(request, context);
        if (outcome instanceof Updated updated) {
            return Answer.json(200, lowerCase(updated.qualification().qualification()));
        }
        return failure(outcome, context);
    }

    private Answer getQualification(CustomerId customer, OperationContext context) {
        Outcome outcome = backend.getQualification(customer, context);
        if (outcome instanceof Found found) {
            ReportedQualification value = found.values().isEmpty()
                    ? ReportedQualification.of(Qualification.NONE) : found.values().get(0);
            return Answer.json(200, lowerCase(value));
        }
        return failure(outcome, context);
    }

    private Answer requestQualification(CustomerId customer, String body, OperationContext context) {
        Object json = readJson(body);
        if (!(json instanceof Map<?, ?> fields)) {
            return Answer.fault(400, "900126", "Unable to parse the request body: expected an object.");
        }
        Optional<Qualification> qualification = parseQualification(fields.get("qualification"));
        if (qualification.isEmpty()) {
            return Answer.fault(400, "900126", "Unable to parse the qualification in the request body.");
        }
        Optional<EducationSegment> segment = Optional.empty();
        Object segmentName = fields.get("educationSegment");
        if (segmentName != null) {
            segment = segmentName instanceof String s ? EducationSegment.fromName(s) : Optional.empty();
            if (segment.isEmpty()) {
                return Answer.fault(400, "900126", "Unable to parse the educationSegment in the request body.");
            }
        }
        Optional<Website> website;
        Optional<ValidationCode> code;
        try {
            website = optionalString(fields, "website").map(Website::of);
            code = optionalString(fields, "validationCode").map(ValidationCode::of);
        } catch (IllegalArgumentException e) {
            return Answer.json(400, "The website or validation code is not valid.");
        }
        QualificationRequest request = new QualificationRequest(customer, qualification.get(), code, segment, website);
        Outcome outcome = backend.requestQualification(request, context);
        if (outcome instanceof Updated updated) {
            return Answer.json(201, qualificationObject(updated.qualification()));
        }
        return failure(outcome, context);
    }

    private Answer getQualifications(CustomerId customer, OperationContext context) {
        Outcome outcome = backend.getQualifications(customer, context);
        if (outcome instanceof Found found) {
            List<Object> list = new ArrayList<>();
            found.qualifications().forEach(q -> list.add(qualificationObject(q)));
            return Answer.json(200, Map.of("qualifications", list));
        }
        return failure(outcome, context);
    }

    private Answer codes(OperationContext context) {
        Outcome outcome = backend.listValidationCodes(context);
        if (outcome instanceof CodesListed listed) {
            List<Object> list = new ArrayList<>();
            for (PartnerValidationCode code : listed.codes()) {
                Map<String, Object> object = new LinkedHashMap<>();
                code.partnerId().ifPresent(v -> object.put("partnerId", v));
                code.organizationName().ifPresent(v -> object.put("organizationName", v));
                object.put("validationId", code.code().value());
                code.maxCreates().ifPresent(v -> object.put("maxCreates", v));
                code.remainingCreates().ifPresent(v -> object.put("remainingCreates", v));
                code.eTag().ifPresent(v -> object.put("eTag", v));
                list.add(object);
            }
            return Answer.json(200, list);
        }
        return failure(outcome, context);
    }

    // ---------------------------------------------------------------- translation

    /** A scripted {@code Fault.unauthorized()}: 401 now, and 401 again to this operation's renewed retry. */
    private Answer failure(Outcome outcome, OperationContext context) {
        if (outcome instanceof AuthenticationFailed) {
            if (unauthorizedRequests.size() < 10_000) {
                unauthorizedRequests.add(context.requestId().toString());
            }
            return unauthorized();
        }
        return failure(outcome);
    }

    /** A failure outcome of the backing fake as the service's HTTP answer. */
    private static Answer failure(Outcome outcome) {
        if (outcome instanceof Unavailable unavailable) {
            ErrorDetail error = unavailable.error();
            if (unavailable.reason() == Unavailable.Reason.THROTTLED) {
                long seconds = unavailable.retryAfter().map(d -> d.toSeconds()).orElse(1L);
                String body = error.rawBody().orElseGet(() -> FakeJson.write(Map.of("statusCode", 429, "message",
                        "Rate limit is exceeded. Try again in " + seconds + " seconds.")));
                return new Answer(429, Optional.of(body), Map.of("Retry-After", Long.toString(seconds)));
            }
            return new Answer(error.httpStatus().orElse(503), error.rawBody(), Map.of());
        }
        if (outcome instanceof NotFound notFound) {
            return errorAnswer(notFound.error(), 404);
        }
        if (outcome instanceof Rejected rejected) {
            return errorAnswer(rejected.error(), 400);
        }
        if (outcome instanceof InvalidRequest invalid) {
            return Answer.json(400, invalid.message());
        }
        String kind = outcome instanceof Unchanged ? "Unchanged" : outcome.getClass().getSimpleName();
        return Answer.fault(500, "500", "The fake answered " + kind + ", which has no wire form.");
    }

    private static Answer errorAnswer(ErrorDetail error, int defaultStatus) {
        String body = error.rawBody().orElseGet(() -> error.serviceCode()
                .map(code -> FakeJson.apiFault(code, error.description()))
                .orElseGet(() -> FakeJson.write(error.description())));
        return new Answer(error.httpStatus().orElse(defaultStatus), Optional.of(body), Map.of());
    }

    private static Map<String, Object> qualificationObject(CustomerQualification qualification) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("qualification", qualification.qualification().toString());
        qualification.vetting().ifPresent((Vetting vetting) -> {
            object.put("vettingStatus", vetting.status().toString());
            vetting.reason().ifPresent(reason -> object.put("vettingReason", reason));
            vetting.createdAt().ifPresent(at -> object.put("vettingCreateDate", at.toString()));
        });
        return object;
    }

    private static String lowerCase(ReportedQualification value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    /** A JSON string names the value (leniently, like the service's answers); a whole number is the enum's int. */
    private static Optional<Qualification> parseQualification(Object json) {
        if (json instanceof String name) {
            return Qualification.fromName(name);
        }
        if (json instanceof Double number && number == Math.rint(number)) {
            for (Qualification q : Qualification.values()) {
                if (q.enumValue() == number.intValue()) {
                    return Optional.of(q);
                }
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON value, or {@code null} when it is not JSON (a parse failure answers 400 the same way). */
    private static Object readJson(String body) {
        try {
            return FakeJson.read(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> optionalString(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        checkArgument(value instanceof String, "%s must be a string", name);
        return Optional.of((String) value);
    }

    private static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
