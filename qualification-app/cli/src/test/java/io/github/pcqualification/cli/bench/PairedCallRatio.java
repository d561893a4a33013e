package io.github.pcqualification.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark harness: the library / raw ratio measured in pairs, for a machine that is not quiet.
 * JMH runs the two benchmarks minutes apart, so a load that changes in between moves the ratio; here
 * the two alternate in short blocks (ABBA order) inside one JVM, each block pair gives one ratio, and
 * the median of those ratios is reported with the median per-call times. The calling thread's CPU
 * time per call is reported too: it does not count time spent waiting for a core, so it shows the
 * library's own extra work even when the wall-clock figures are noisy.
 *
 * <p>Usage: {@code bench/paired.sh [rounds] [calls-per-block]} (defaults 80 and 1000: shorter runs end before the library path is fully compiled); bounded by
 * the counts and by a three-minute cap.
 *
 * <p>With {@code -Dbench.observe=true} ({@code BENCH_OBSERVE=true bench/paired.sh}) a third side joins each round,
 * "library+observations" ({@link SyncUpdateBenchmark#libraryObserved()}: an {@code ObservationRegistry} with a meter
 * handler), the three in a rotating order, and its ratios to the raw call and to the plain library are reported too.
 */
public final class PairedCallRatio {

    private static final long CAP_NANOS = 180_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PairedCallRatio() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean observe = Boolean.getBoolean("bench.observe");
        SyncUpdateBenchmark bench = new SyncUpdateBenchmark();
        bench.start();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 10_000 && System.nanoTime() - started < 60_000_000_000L; i++) {
                bench.library();
                bench.raw();
                if (observe) {
                    bench.libraryObserved();
                }
            }
            if (observe) {
                observed(bench, rounds, calls);
                return;
            }
            List<Double> libraryMicros = new ArrayList<>();
            List<Double> rawMicros = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> libraryCpu = new ArrayList<>();
            List<Double> rawCpu = new ArrayList<>();
            started = System.nanoTime();
            for (int round = 0; round < rounds && System.nanoTime() - started < CAP_NANOS; round++) {
                double[] library;
                double[] raw;
                if (round % 2 == 0) {
                    library = block(bench, true, calls);
                    raw = block(bench, false, calls);
                } else {
                    raw = block(bench, false, calls);
                    library = block(bench, true, calls);
                }
                libraryMicros.add(library[0]);
                rawMicros.add(raw[0]);
                ratios.add(library[0] / raw[0]);
                libraryCpu.add(library[1]);
                rawCpu.add(raw[1]);
            }
            System.out.printf(Locale.ROOT,
                    "paired blocks: %d rounds x %d calls each side; median per call: library %.1f us, raw %.1f us;"
                            + " median of block ratios library/raw %.3f (quartiles %.3f .. %.3f)%n",
                    ratios.size(), calls, median(libraryMicros), median(rawMicros), median(ratios),
                    quantile(ratios, 0.25), quantile(ratios, 0.75));
            System.out.printf(Locale.ROOT,
                    "calling thread's CPU per call (median of blocks): library %.1f us, raw %.1f us, ratio %.3f%n",
                    median(libraryCpu), median(rawCpu), median(libraryCpu) / median(rawCpu));
        } finally {
            bench.stop();
        }
    }

    /** The three sides of {@code -Dbench.observe=true}: 0 raw, 1 library, 2 library+observations. */
    private static void observed(SyncUpdateBenchmark bench, int rounds, int calls) throws IOException {
        List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Double> observedToRaw = new ArrayList<>();
        List<Double> observedToLibrary = new ArrayList<>();
        long started = System.nanoTime();
        for (int round = 0; round < rounds && System.nanoTime() - started < CAP_NANOS; round++) {
            double[][] sides = new double[3][];
            for (int k = 0; k < 3; k++) {
                int side = (round + k) % 3;            // rotating order: each side first, second and third in turn
                sides[side] = block(bench, side, calls);
            }
            for (int side = 0; side < 3; side++) {
                wall.get(side).add(sides[side][0]);
                cpu.get(side).add(sides[side][1]);
            }
            observedToRaw.add(sides[2][0] / sides[0][0]);
            observedToLibrary.add(sides[2][0] / sides[1][0]);
        }
        System.out.printf(Locale.ROOT,
                "three sides: %d rounds x %d calls each; median per call: raw %.1f us, library %.1f us,"
                        + " library+observations %.1f us%n",
                observedToRaw.size(), calls, median(wall.get(0)), median(wall.get(1)), median(wall.get(2)));
        System.out.printf(Locale.ROOT,
                "median of block ratios: library+observations/raw %.3f (quartiles %.3f .. %.3f),"
                        + " library+observations/library %.3f (quartiles %.3f .. %.3f)%n",
                median(observedToRaw), quantile(observedToRaw, 0.25), quantile(observedToRaw, 0.75),
                median(observedToLibrary), quantile(observedToLibrary, 0.25), quantile(observedToLibrary, 0.75));
        System.out.printf(Locale.ROOT,
                "calling thread's CPU per call (median of blocks): raw %.1f us, library %.1f us,"
                        + " library+observations %.1f us%n",
                median(cpu.get(0)), median(cpu.get(1)), median(cpu.get(2)));
        System.out.printf(Locale.ROOT, "operations the meter handler timed: %d%n", bench.observedOperations());
    }

    /** Wall-clock and calling-thread CPU microseconds per call over one block. */
    private static double[] block(SyncUpdateBenchmark bench, boolean library, int calls) throws IOException {
        return block(bench, library ? 1 : 0, calls);
    }

    /** As above, for side 0 (raw), 1 (library) or 2 (library+observations). */
    private static double[] block(SyncUpdateBenchmark bench, int side, int calls) throws IOException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (side == 1) {
                bench.library();
            } else if (side == 2) {
                bench.libraryObserved();
            } else {
                bench.raw();
            }
        }
        long wall = System.nanoTime() - start;
        return new double[] {wall / 1_000.0 / calls, (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000.0 / calls};
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        double position = q * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
    }
}
