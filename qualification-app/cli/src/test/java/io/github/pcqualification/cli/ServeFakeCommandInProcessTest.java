package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve-fake} in-process: the banner it prints, how it hands its end to the stop signal (the TTL given),
 * the option values it takes and refuses at their edges, and a seed it cannot read. The stop signal is replaced,
 * so nothing waits for a signal or a TTL; the server binds 127.0.0.1 only.
 */
class ServeFakeCommandInProcessTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    record Served(int exitCode, String out, String err, URI baseUri, Optional<Duration> ttl) {}

    /** Runs serve-fake; the stop signal records what it was given and, when {@code during} is set, runs it first. */
    static Served serve(boolean expired, java.util.function.Consumer<URI> during, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<URI> uri = new AtomicReference<>();
        AtomicReference<Optional<Duration>> ttl = new AtomicReference<>();
        String[] all = new String[args.length + 1];
        all[0] = "serve-fake";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = QualificationCli.run(all, Map.of(), DemoData::newDemoPartnerCenter, new PrintWriter(out),
                new PrintWriter(err), false, (baseUri, given) -> {
                    uri.set(baseUri);
                    ttl.set(given);
                    during.accept(baseUri);
                    return expired;
                });
        return new Served(code, out.toString(), err.toString(), uri.get(), ttl.get());
    }

    static Served serve(String... args) {
        return serve(false, uri -> { }, args);
    }

    @Test
    void serveFake_printsWhereItListens_theDemoCustomersAndCodes_thenStopping() {
        Served served = serve();

        assertThat(served.exitCode()).isZero();
        assertThat(served.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(served.out()).isEqualTo(String.join(NL,
                "Fake Partner Center listening on " + served.baseUri() + " (port " + served.baseUri().getPort() + ")",
                "Use: export PARTNER_CENTER_TOKEN=any-non-blank-token; qualification --base-url " + served.baseUri()
                        + " get --customer <id>",
                "Customers:",
                "  " + DemoData.FRESH_CUSTOMER + "  (none)",
                "  " + DemoData.EDUCATION_CUSTOMER + "  Education",
                "  " + DemoData.GCC_CUSTOMER + "  GovernmentCommunityCloud",
                "  " + DemoData.SECOND_FRESH_CUSTOMER + "  (none)",
                "Validation codes:",
                "  " + DemoData.VALIDATION_CODE.value() + "  remaining 5 of 5",
                "  " + DemoData.USED_UP_CODE.value() + "  remaining 0 of 1",
                "stopping", ""));
        assertThat(served.ttl()).isEmpty();
        assertThat(served.err()).isEmpty();
    }

    @Test
    void serveFake_withATtl_handsItToTheStopSignal_andSaysTheTtlWasReached() {
        Served served = serve(true, uri -> { }, "--ttl", "1");

        assertThat(served.exitCode()).isZero();
        assertThat(served.ttl()).hasValue(Duration.ofSeconds(1));
        assertThat(served.out()).endsWith(NL + "ttl reached; stopping" + NL);
    }

    @Test
    void serveFake_withASeed_listsItsCodes_butNoDemoCustomers() throws IOException {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"customers\":[{\"id\":\"55555555-5555-4555-8555-"
                + "555555555555\",\"qualifications\":[\"Education\"]}],\"validationCodes\":[{\"validationId\":"
                + "\"SEED-CODE-1\",\"maxCreates\":3,\"remainingCreates\":2}]}");

        Served served = serve("--seed", seed.toString());

        assertThat(served.exitCode()).isZero();
        assertThat(served.out()).doesNotContain("Customers:").contains(NL + "Validation codes:" + NL
                + "  SEED-CODE-1  remaining 2 of 3" + NL + "stopping" + NL);
    }

    @Test
    void serveFake_answersWithTheLatencyAsked() {
        AtomicReference<Duration> took = new AtomicReference<>();

        Served served = serve(false, uri -> took.set(timeOneRead(uri)), "--latency-ms", "150");

        assertThat(served.exitCode()).isZero();
        assertThat(took.get()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    private static Duration timeOneRead(URI baseUri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/v1/customers/" + DemoData.EDUCATION_CUSTOMER
                + "/qualification")).header("Authorization", "Bearer any-token").timeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--threads=1", "--threads=1024", "--io-timeout-ms=1", "--io-timeout-ms=3600000",
        "--latency-ms=0", "--ttl=1"})
    void serveFake_valuesAtTheirEdges_areAccepted(String option) {
        Served served = serve(option);

        assertThat(served.exitCode()).as(served.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=-1", "--port=65536"})
    void serveFake_aPortOutOfRange_isAUsageError(String option) {
        Served served = serve(option);

        assertThat(served.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(served.err()).startsWith("error: --port must be between 0 and 65535, got "
                + option.substring("--port=".length()));
        assertThat(served.baseUri()).isNull();
    }

    @Test
    void serveFake_theHighestPort_isInRange() {
        Served served = serve("--port", "65535");

        assertThat(served.err()).as("in range: it listens, or the port is taken").doesNotContain("must be between");
    }

    @Test
    void serveFake_aTtlOfZero_isAUsageError() {
        Served served = serve("--ttl", "0");

        assertThat(served.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(served.err()).startsWith("error: --ttl must be a positive number of seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--latency-ms=-1", "--threads=0", "--threads=1025"})
    void serveFake_aNegativeLatencyOrThreadsOutOfRange_isAUsageError(String option) {
        Served served = serve(option);

        assertThat(served.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(served.err()).startsWith("error: --latency-ms must be >= 0 and --threads between 1 and 1024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3600001"})
    void serveFake_anIoTimeoutOutOfRange_isAUsageError_namingIt(String millis) {
        Served served = serve("--io-timeout-ms", millis);

        assertThat(served.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(served.err()).startsWith("error: --io-timeout-ms must be between 1 and 3600000, got " + millis);
    }

    @Test
    void serveFake_aSeedBelowAFile_isAUsageError_namingThePathOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path seed = file.resolve("seed.json");

        Served served = serve("--seed", seed.toString());

        assertThat(served.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(served.err().lines().toList()).first().isEqualTo("error: --seed " + seed + ": " + seed
                + ": Not a directory");
    }

    @Test
    void theRealStopSignal_endsAtTheTtl_andSaysItExpired() throws InterruptedException {
        boolean expired = ServeFakeCommand.StopSignal.signalOrTtl(URI.create("http://127.0.0.1:1/"),
                Optional.of(Duration.ofMillis(1)));

        assertThat(expired).isTrue();
    }
}
