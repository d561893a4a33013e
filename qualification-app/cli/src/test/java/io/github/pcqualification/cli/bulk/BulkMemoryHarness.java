package io.github.pcqualification.cli.bulk;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.policy.Sleeper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark harness (not a test; {@code mvn verify} never runs it): the heap the bulk job needs for a
 * large input on the in-memory fake, as the CLI wires it ({@link SharedThrottle} gate, the fake
 * behind the use cases). A sampler forces a full GC every {@code --sample-ms} and reads the heap
 * then (the live set); the fake's own store, which grows by a fixed amount per updated customer, is
 * measured first on a separate instance and subtracted, leaving what the job itself holds.
 *
 * <pre>
 * bench/bulk-memory.sh 1000000 [--concurrency 16] [--journal] [--sample-ms 1000]
 * </pre>
 */
public final class BulkMemoryHarness {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private BulkMemoryHarness() {}

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int concurrency = 16;
        boolean journal = false;
        long sampleMillis = 1000;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--journal" -> journal = true;
                case "--sample-ms" -> sampleMillis = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("bulk-memory");
        Path input = BulkBenchData.writeEducationInput(dir.resolve("in.csv"), rows);

        long empty = liveHeap();
        // The fake's own cost per customer, seeded and then updated, measured on a throw-away instance.
        InMemoryPartnerCenter probe = BulkBenchData.fakeWith(rows, Sleeper.real());
        long probeSeeded = liveHeap() - empty;
        for (long i = 0; i < rows; i++) {
            probe.setQualification(QualificationRequest.education(BulkBenchData.customer(i)),
                    OperationContext.newOperation());
        }
        long probeUpdated = liveHeap() - empty;
        Reference.reachabilityFence(probe);   // else the JIT may let the GC take it before it is measured
        double growthPerUpdate = (probeUpdated - probeSeeded) / (double) rows;
        probe = null;

        InMemoryPartnerCenter fake = BulkBenchData.fakeWith(rows, Sleeper.real());
        long seeded = liveHeap();
        Reference.reachabilityFence(fake);
        BulkJob job;
        Sampler sampler;
        BulkJob.Summary summary;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake)
                .requestGate(SharedThrottle.unlimited()).build()) {
            job = new BulkJob(pc, new BulkJob.Options(input, dir.resolve("report.csv"), concurrency,
                    journal ? Optional.of(dir.resolve("bulk.journal")) : Optional.empty(), false, ApiMode.SYNCHRONOUS),
                    System::nanoTime);
            sampler = new Sampler(job.progress(), seeded, growthPerUpdate);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleWithFixedDelay(sampler::sample, sampleMillis, sampleMillis, TimeUnit.MILLISECONDS);
            try {
                summary = job.run();
            } finally {
                ticker.shutdown();
                ticker.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
        long after = liveHeap();
        CustomerId keep = BulkBenchData.customer(0);
        boolean fakeAlive = !fake.qualificationsOf(keep).isEmpty();

        System.out.printf(Locale.ROOT, "rows %d, concurrency %d, journal %s, -Xmx %d MiB%n", rows, concurrency,
                journal ? "on" : "off", Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("job: " + summary.describe());
        System.out.printf(Locale.ROOT, "live heap: JVM + harness %.1f MiB; fake seeded %+.1f MiB (%.0f B/customer),"
                + " %+.1f MiB more once all updated (%.0f B/customer)%n", mib(empty), mib(probeSeeded),
                probeSeeded / (double) rows, mib(probeUpdated - probeSeeded), growthPerUpdate);
        System.out.printf(Locale.ROOT, "during the job (%d samples, full GC each): peak live heap %.1f MiB;"
                + " job's own peak (live - JVM - fake at that progress) %.1f MiB (%.1f B/row); at end %.1f MiB live%s%n",
                sampler.samples, mib(sampler.peakLive), mib(sampler.peakJobOwn), sampler.peakJobOwn / (double) rows,
                mib(after), fakeAlive ? "" : " (fake lost?)");
        System.out.printf(Locale.ROOT, "CustomerIndex for %d customers: %.1f MiB (24 B x %d slots)%n", rows,
                mib(24L * indexSlots(rows)), indexSlots(rows));
        System.out.printf(Locale.ROOT, "peak heap used (with garbage, sum of pool peaks): %.1f MiB%n", mib(poolPeaks()));
    }

    /** Samples the live heap (after a full GC) and the job's share of it. */
    private static final class Sampler {
        private final BulkJob.Progress progress;
        private final long seeded;
        private final double growthPerUpdate;
        volatile long peakLive;
        volatile long peakJobOwn;
        volatile int samples;

        Sampler(BulkJob.Progress progress, long seeded, double growthPerUpdate) {
            this.progress = progress;
            this.seeded = seeded;
            this.growthPerUpdate = growthPerUpdate;
        }

        void sample() {
            long doneBefore = progress.done();
            long live = liveHeap();
            long doneAfter = progress.done();
            // the fake has grown for every row finished so far; take the larger count so the job's share is not inflated
            long jobOwn = live - seeded - (long) (Math.max(doneBefore, doneAfter) * growthPerUpdate);
            peakLive = Math.max(peakLive, live);
            peakJobOwn = Math.max(peakJobOwn, jobOwn);
            samples++;
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The slots of the duplicate index (app.bulk.CustomerIndex) once it holds {@code customers}: it doubles past half full. */
    private static long indexSlots(long customers) {
        long slots = 1 << 10;
        while ((customers + 1) * 2 > slots) {
            slots *= 2;
        }
        return slots;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
