package io.github.pcqualification.cli.bulk;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.policy.Sleeper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmark harness (not a test; {@code mvn verify} never runs it): the bulk job through the REST
 * adapter against the fake served over loopback HTTP, every call delayed by a real sleep, at several
 * concurrencies; prints rows/s and the ratio to the bound {@code concurrency / latency}.
 *
 * <pre>
 * bench/bulk-throughput.sh [--rows 10000] [--c1-rows 300] [--latency-ms 100] [--concurrency 1,8,32,64] [--journal]
 * </pre>
 */
public final class BulkThroughputHarness {

    private BulkThroughputHarness() {}

    public static void main(String[] args) throws Exception {
        long rows = 10_000;
        long c1Rows = 300;
        long latencyMillis = 100;
        List<Integer> concurrencies = List.of(1, 8, 32, 64);
        boolean journal = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--c1-rows" -> c1Rows = Long.parseLong(args[++i]);
                case "--latency-ms" -> latencyMillis = Long.parseLong(args[++i]);
                case "--concurrency" -> {
                    List<Integer> parsed = new ArrayList<>();
                    for (String c : args[++i].split(",")) {
                        parsed.add(Integer.parseInt(c.trim()));
                    }
                    concurrencies = List.copyOf(parsed);
                }
                case "--journal" -> journal = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("bulk-throughput");
        System.out.printf(Locale.ROOT, "bulk throughput: REST adapter -> served fake on 127.0.0.1, %d ms per call, "
                + "journal %s, %d CPUs, java %s%n", latencyMillis, journal ? "ON (fsync per group)" : "off",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // Warm-up: the same path without latency, so the figures are not the JIT's.
        run(dir, "warmup", 2_000, 16, 0, false);

        System.out.printf(Locale.ROOT, "%-6s %7s %9s %9s %9s %7s  %s%n", "conc", "rows", "seconds", "rows/s",
                "bound", "ratio", "load avg (1 min) before/after");
        for (int concurrency : concurrencies) {
            long n = concurrency == 1 ? Math.min(rows, c1Rows) : rows;
            double loadBefore = loadAverage();
            BulkJob.Summary summary = run(dir, "c" + concurrency, n, concurrency, latencyMillis, journal);
            double seconds = summary.elapsed().toNanos() / 1e9;
            double rate = n / seconds;
            double bound = concurrency * 1000.0 / latencyMillis;
            System.out.printf(Locale.ROOT, "%-6d %7d %9.1f %9.1f %9.0f %6.1f%%  %.2f / %.2f%s%n", concurrency, n,
                    seconds, rate, bound, 100 * rate / bound, loadBefore, loadAverage(),
                    summary.count(RowOutcome.UPDATED) == n ? "" : "  NOT ALL UPDATED: " + summary.describe());
        }
    }

    private static BulkJob.Summary run(Path dir, String name, long rows, int concurrency, long latencyMillis,
            boolean journal) throws Exception {
        InMemoryPartnerCenter fake = BulkBenchData.fakeWith(rows, Sleeper.real());
        if (latencyMillis > 0) {
            fake.failNext(Integer.MAX_VALUE, Fault.latency(Duration.ofMillis(latencyMillis)));
        }
        Path input = BulkBenchData.writeEducationInput(dir.resolve(name + ".csv"), rows);
        Path output = dir.resolve(name + "-report.csv");
        Path journalFile = dir.resolve(name + ".journal");
        deleteIfExists(journalFile);
        int serverThreads = Math.min(1024, Math.max(4, concurrency * 2));
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(fake, 0, serverThreads);
                PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                        .partnerCenter(server.baseUri(), () -> "token")
                        .requestGate(SharedThrottle.unlimited())
                        .build()) {
            if (System.getProperty("bench.printServer") != null) {
                System.out.println("server " + server.baseUri());
            }
            BulkJob job = new BulkJob(pc, new BulkJob.Options(input, output, concurrency,
                    journal ? Optional.of(journalFile) : Optional.empty(), false, ApiMode.SYNCHRONOUS), System::nanoTime);
            return job.run();
        }
    }

    private static void deleteIfExists(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
