package io.github.pcqualification.cli.bench;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.LibraryVersion;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark: one synchronous update through the whole library (builder-made REST client, domain
 * rules, REST adapter, headers, JSON, loopback server) against a raw OkHttp call sending the
 * identical {@code PUT} to the same server, in the same run. Set-up proves the two requests are the
 * same (method, path, header names and values up to the per-operation ids, body) before measuring.
 *
 * <p>{@link #libraryObserved()} is the library again, built with an {@code ObservationRegistry} whose handler makes
 * timers of every observation (Micrometer's {@code DefaultMeterObservationHandler} over a {@code SimpleMeterRegistry},
 * what a Spring Boot service with the actuator has): the cost of observations per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(1)
public class SyncUpdateBenchmark {

    /** What the library sends, so both sides send the same header block (checked by checkSameRequest). */
    private static final String USER_AGENT = "pc-qualification-java/" + LibraryVersion.current() + " (Java "
            + System.getProperty("java.version") + "; " + System.getProperty("os.name") + " "
            + System.getProperty("os.arch") + ")";

    static final String TOKEN = "bench-token-7f3a9c2e41d8b6a0";
    static final CustomerId CUSTOMER = CustomerId.parse("11111111-1111-4111-8111-111111111111");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final byte[] BODY = "\"Education\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private LoopbackServer server;
    private PartnerCenterQualifications library;
    private PartnerCenterQualifications observed;
    private SimpleMeterRegistry meters;
    private QualificationRequest request;
    private OkHttpClient raw;
    private String rawUrl;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = new LoopbackServer();
        library = PartnerCenterQualifications.builder()
                .partnerCenter(URI.create(server.baseUrl()), () -> TOKEN)
                .build();
        meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        observed = PartnerCenterQualifications.builder()
                .partnerCenter(URI.create(server.baseUrl()), () -> TOKEN)
                .observationRegistry(observations)
                .build();
        request = QualificationRequest.education(CUSTOMER);
        // configured as the adapter configures its client (defaults of the builder)
        raw = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .callTimeout(60, TimeUnit.SECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        rawUrl = server.baseUrl() + "/v1/customers/" + CUSTOMER + "/qualification";
        checkSameRequest();
    }

    @TearDown(Level.Trial)
    public void stop() {
        library.close();
        observed.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
    }

    /** The library: {@code update(education)} through the synchronous API. */
    @Benchmark
    public UpdateOutcome library() {
        UpdateOutcome outcome = library.update(request);
        if (!(outcome instanceof Updated)) {
            throw new IllegalStateException("expected Updated, got " + outcome);
        }
        return outcome;
    }

    /** The library with observations: the same update, observed into a registry with a meter handler. */
    @Benchmark
    public UpdateOutcome libraryObserved() {
        UpdateOutcome outcome = observed.update(request);
        if (!(outcome instanceof Updated)) {
            throw new IllegalStateException("expected Updated, got " + outcome);
        }
        return outcome;
    }

    /** Operations the observed client's meter registry timed: proves the handler ran. */
    long observedOperations() {
        io.micrometer.core.instrument.Timer timer = meters.find("partnercenter.qualification.operation").timer();
        return timer == null ? 0 : timer.count();
    }

    /**
     * The baseline: the same PUT by hand, with the fresh {@code MS-CorrelationId} and
     * {@code MS-RequestId} every correct caller must send, the answer read and checked.
     */
    @Benchmark
    public String raw() throws IOException {
        Request put = new Request.Builder()
                .url(rawUrl)
                .put(RequestBody.create(BODY, JSON))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("MS-Contract-Version", "v1")
                .header("MS-CorrelationId", UUID.randomUUID().toString())
                .header("MS-RequestId", UUID.randomUUID().toString())
                .build();
        try (Response response = raw.newCall(put).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful() || !text.equals("\"education\"")) {
                throw new IllegalStateException("unexpected answer " + response.code());
            }
            return text;
        }
    }

    /** Both requests, as the server saw them with the per-operation ids masked, must be equal. */
    private void checkSameRequest() throws IOException {
        server.capture();
        library();
        raw();
        libraryObserved();
        List<String> seen = server.captured();
        if (seen.size() != 3) {
            throw new IllegalStateException("expected one request each, got " + seen);
        }
        String fromLibrary = UUID_TEXT.matcher(seen.get(0)).replaceAll("<id>");
        String fromRaw = UUID_TEXT.matcher(seen.get(1)).replaceAll("<id>");
        String fromObserved = UUID_TEXT.matcher(seen.get(2)).replaceAll("<id>");
        if (!fromLibrary.equals(fromRaw) || !fromObserved.equals(fromRaw)) {
            throw new IllegalStateException("the requests differ:\n library  " + fromLibrary + "\n raw      " + fromRaw
                    + "\n observed " + fromObserved);
        }
        if (observedOperations() != 1) {
            throw new IllegalStateException("the observed client's update was not timed");
        }
    }
}
