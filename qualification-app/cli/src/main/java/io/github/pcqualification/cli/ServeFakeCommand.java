package io.github.pcqualification.cli;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.SeedFile;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.outcome.CodesListed;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code serve-fake}: the fake Partner Center over loopback HTTP, for offline tests of any client. */
@Command(name = "serve-fake", mixinStandardHelpOptions = true,
        description = {"Serve the fake Partner Center on 127.0.0.1 (loopback only), speaking the REST wire protocol.",
            "Stops on Ctrl-C / SIGTERM, or after --ttl seconds."})
final class ServeFakeCommand implements Callable<Integer> {

    @ParentCommand
    QualificationCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1 (default: a free one, printed on start).")
    int port;

    @Option(names = "--seed", paramLabel = "FILE", description = "Seed JSON file instead of the demo data set.")
    Path seed;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "Stop by itself after this many seconds.")
    Long ttlSeconds;

    @Option(names = "--latency-ms", paramLabel = "MILLIS", defaultValue = "0",
            description = "Delay every answer by this many milliseconds (for load tests).")
    long latencyMillis;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
            description = "Threads answering requests (default ${DEFAULT-VALUE}); slow clients never hold them.")
    int threads;

    @Option(names = "--io-timeout-ms", paramLabel = "MILLIS", defaultValue = "10000",
            description = {"Close a connection whose request is not read, or whose answer is not taken, within this",
                "many milliseconds (default ${DEFAULT-VALUE}; 1 to 3600000)."})
    long ioTimeoutMillis;

    /** A seed is read whole into memory: bound it. */
    static final long MAX_SEED_BYTES = 64L << 20;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (ttlSeconds != null && ttlSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--ttl must be a positive number of seconds");
        }
        if (latencyMillis < 0 || threads < 1 || threads > 1024) {
            throw new ParameterException(spec.commandLine(), "--latency-ms must be >= 0 and --threads between 1 and 1024");
        }
        if (ioTimeoutMillis < 1 || ioTimeoutMillis > 3_600_000) {
            throw new ParameterException(spec.commandLine(), "--io-timeout-ms must be between 1 and 3600000, got "
                    + ioTimeoutMillis);
        }
        if (seed != null && java.nio.file.Files.exists(seed) && !java.nio.file.Files.isRegularFile(seed)) {
            throw new ParameterException(spec.commandLine(), "--seed " + seed + ": not a regular file (a directory, a pipe"
                    + " or a device); give the path of a seed JSON file");
        }
        if (seed != null && java.nio.file.Files.isRegularFile(seed) && java.nio.file.Files.size(seed) > MAX_SEED_BYTES) {
            throw new ParameterException(spec.commandLine(), "--seed " + seed + ": larger than " + MAX_SEED_BYTES / (1 << 20)
                    + " MiB; a seed is a small JSON file of customers and codes");
        }
        InMemoryPartnerCenter backend;
        try {
            backend = seed == null ? DemoData.newDemoPartnerCenter() : SeedFile.read(seed);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--seed " + seed + ": " + UserErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--seed " + seed + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        FakePartnerCenterServer started;
        try {
            started = FakePartnerCenterServer.start(backend, port, threads, Duration.ofMillis(ioTimeoutMillis));
        } catch (java.net.BindException e) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": cannot listen on 127.0.0.1:" + port
                    + " (" + e.getMessage() + "); another program uses it: choose another --port, or 0 for a free one");
        }
        try (FakePartnerCenterServer server = started) {
            printBanner(out, server, backend);
            if (latencyMillis > 0) {
                backend.failNext(Integer.MAX_VALUE, Fault.latency(Duration.ofMillis(latencyMillis)));
            }
            Optional<Duration> ttl = ttlSeconds == null ? Optional.empty() : Optional.of(Duration.ofSeconds(ttlSeconds));
            boolean expired = root.stopSignal().await(server.baseUri(), ttl);
            out.println(expired ? "ttl reached; stopping" : "stopping");
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** How {@code serve-fake} waits for its end: a signal (Ctrl-C, SIGTERM) or the TTL. */
    @FunctionalInterface
    interface StopSignal {
        /** Blocks until it is time to stop; true when the TTL ran out. */
        boolean await(URI baseUri, Optional<Duration> ttl) throws InterruptedException;

        /** The real one: a JVM shutdown hook (SIGINT, SIGTERM) or the TTL, whichever comes first. */
        static boolean signalOrTtl(URI baseUri, Optional<Duration> ttl) throws InterruptedException {
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "serve-fake-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (ttl.isEmpty()) {
                stop.await();
                return false;
            }
            boolean expired = !stop.await(ttl.get().toMillis(), TimeUnit.MILLISECONDS);
            if (expired) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            return expired;
        }
    }

    private static List<String> codeLines(CodesListed listed) {
        List<String> lines = new ArrayList<>();
        lines.add("Validation codes:");
        for (PartnerValidationCode code : listed.codes()) {
            lines.add("  " + code.code() + "  remaining " + code.remainingCreates().orElse(-1) + " of "
                    + code.maxCreates().orElse(-1));
        }
        return lines;
    }

    private void printBanner(PrintWriter out, FakePartnerCenterServer server, InMemoryPartnerCenter backend) {
        out.println("Fake Partner Center listening on " + server.baseUri() + " (port " + server.port() + ")");
        out.println("Use: export PARTNER_CENTER_TOKEN=any-non-blank-token; qualification --base-url "
                + server.baseUri() + " get --customer <id>");
        if (seed == null) {
            out.println("Customers:");
            for (var customer : List.of(DemoData.FRESH_CUSTOMER, DemoData.EDUCATION_CUSTOMER, DemoData.GCC_CUSTOMER,
                    DemoData.SECOND_FRESH_CUSTOMER)) {
                List<CustomerQualification> held = backend.qualificationsOf(customer);
                out.println("  " + customer + "  " + (held.isEmpty() ? "(none)"
                        : held.stream().map(q -> q.qualification().toString()).collect(Collectors.joining(", "))));
            }
        }
        List<String> codeLines = backend.listValidationCodes(OperationContext.newOperation()).foldCodes(
                ServeFakeCommand::codeLines,
                // The banner is a convenience: a listing answered with a scripted fault leaves the codes out.
                failure -> List.of());
        codeLines.forEach(out::println);
        out.flush();
    }
}
