package io.github.pcqualification.cli.bulk;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.app.bulk.BulkJournal;
import io.github.pcqualification.app.bulk.BulkResult;
import io.github.pcqualification.app.bulk.BulkSummary;
import io.github.pcqualification.app.bulk.BulkUpdates;
import io.github.pcqualification.app.bulk.FileBulkJournal;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Updated;
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
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark harness (not a test; {@code mvn verify} never runs it): the bulk job through the REST
 * adapter against the fake served over loopback HTTP, every call delayed by a real sleep, at several
 * concurrencies; prints rows/s and the ratio to the bound {@code concurrency / latency}, for two paths side by side:
 * the CLI's CSV job ({@code csv}: input file, journal or scratch file, report) and the library's bulk API
 * ({@code api}: {@link BulkUpdates} over a list of the same requests, results counted in memory, a
 * {@link FileBulkJournal} with {@code --journal}). Same latency, concurrency and rows for both, each on a fresh fake
 * and server.
 *
 * <pre>
 * bench/bulk-throughput.sh [--rows 10000] [--c1-rows 300] [--latency-ms 100] [--concurrency 1,8,32,64] [--journal]
 *     [--paths csv,api]
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
        List<String> paths = List.of("csv", "api");
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
                case "--paths" -> {
                    paths = List.of(args[++i].split(","));
                    if (!List.of("csv", "api").containsAll(paths) || paths.isEmpty()) {
                        throw new IllegalArgumentException("--paths takes csv, api or csv,api");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("bulk-throughput");
        System.out.printf(Locale.ROOT, "bulk throughput: REST adapter -> served fake on 127.0.0.1, %d ms per call, "
                + "journal %s, %d CPUs, java %s%n", latencyMillis, journal ? "ON (fsync per group)" : "off",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // Warm-up: the same paths without latency, so the figures are not the JIT's.
        for (String path : paths) {
            seconds(path, dir, "warmup-" + path, 2_000, 16, 0, false);
        }

        System.out.printf(Locale.ROOT, "%-6s %7s %9s", "conc", "rows", "bound");
        for (String path : paths) {
            System.out.printf(Locale.ROOT, " | %-4s %7s %9s %7s", path, "seconds", "rows/s", "ratio");
        }
        System.out.printf(Locale.ROOT, "  %s%n", "load avg (1 min) before/after");
        for (int concurrency : concurrencies) {
            long n = concurrency == 1 ? Math.min(rows, c1Rows) : rows;
            double bound = concurrency * 1000.0 / latencyMillis;
            double loadBefore = loadAverage();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6d %7d %9.0f", concurrency, n, bound));
            for (String path : paths) {
                double seconds = seconds(path, dir, path + "-c" + concurrency, n, concurrency, latencyMillis, journal);
                double rate = n / seconds;
                line.append(String.format(Locale.ROOT, " | %-4s %7.1f %9.1f %6.1f%%", path, seconds, rate,
                        100 * rate / bound));
            }
            System.out.printf(Locale.ROOT, "%s  %.2f / %.2f%n", line, loadBefore, loadAverage());
        }
    }

    /** One run of a path; its time in seconds. Fails unless every row was updated. */
    private static double seconds(String path, Path dir, String name, long rows, int concurrency, long latencyMillis,
            boolean journal) throws Exception {
        if (path.equals("csv")) {
            BulkJob.Summary summary = run(dir, name, rows, concurrency, latencyMillis, journal);
            if (summary.count(RowOutcome.UPDATED) != rows) {
                throw new IllegalStateException("csv: not all updated: " + summary.describe());
            }
            return summary.elapsed().toNanos() / 1e9;
        }
        return runApi(dir, name, rows, concurrency, latencyMillis, journal);
    }

    /** The library's bulk API over a list of the same requests, through the same REST adapter and served fake. */
    private static double runApi(Path dir, String name, long rows, int concurrency, long latencyMillis,
            boolean journal) throws Exception {
        InMemoryPartnerCenter fake = BulkBenchData.fakeWith(rows, Sleeper.real());
        if (latencyMillis > 0) {
            fake.failNext(Integer.MAX_VALUE, Fault.latency(Duration.ofMillis(latencyMillis)));
        }
        List<QualificationRequest> requests = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            requests.add(QualificationRequest.education(BulkBenchData.customer(i)));
        }
        Path journalFile = dir.resolve(name + ".journal");
        deleteIfExists(journalFile);
        int serverThreads = Math.min(1024, Math.max(4, concurrency * 2));
        LongAdder updated = new LongAdder();
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(fake, 0, serverThreads);
                PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                        .partnerCenter(server.baseUri(), () -> "token")
                        .requestGate(SharedThrottle.unlimited())
                        .build();
                FileBulkJournal file = journal ? FileBulkJournal.open(journalFile) : null) {
            BulkUpdates bulk = BulkUpdates.over(pc).concurrency(concurrency)
                    .journal(journal ? file : BulkJournal.none()).build();
            BulkSummary summary = bulk.run(requests, r -> {
                if (r instanceof BulkResult.Sent<?> sent && sent.outcome() instanceof Updated) {
                    updated.increment();
                }
            });
            if (updated.sum() != rows) {
                throw new IllegalStateException("api: " + updated.sum() + " of " + rows + " updated, " + summary);
            }
            return summary.elapsed().toNanos() / 1e9;
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
