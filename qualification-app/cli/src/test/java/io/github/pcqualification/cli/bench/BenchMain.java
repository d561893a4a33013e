package io.github.pcqualification.cli.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Benchmark runner: runs JMH with the ordinary JMH command line ({@code -f 2 -wi 5 -i 10 ...}), then
 * prints one summary table: per benchmark the mean with its 99.9 % error, the median of the
 * measured iterations, and, for {@code SyncUpdateBenchmark}, the ratio library / raw.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            rows.add(Row.of(run));
        }
        rows.sort(Comparator.comparing(Row::name));
        System.out.println();
        System.out.println("| benchmark | mean | error (99.9 %) | median of iterations | min | max | unit | iterations |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|");
        Map<String, Row> byName = new TreeMap<>();
        for (Row row : rows) {
            byName.put(row.name(), row);
            System.out.printf(Locale.ROOT, "| %s | %.3f | ± %.3f | %.3f | %.3f | %.3f | %s | %d |%n",
                    row.name(), row.mean(), row.error(), row.median(), row.min(), row.max(), row.unit(), row.count());
        }
        Row library = byName.get("SyncUpdateBenchmark.library");
        Row raw = byName.get("SyncUpdateBenchmark.raw");
        if (library != null && raw != null) {
            System.out.printf(Locale.ROOT, "%nlibrary / raw: %.3f by mean, %.3f by median (floor from issue 6: <= 1.15)%n",
                    library.mean() / raw.mean(), library.median() / raw.median());
        }
    }

    /** One benchmark's figures. */
    record Row(String name, double mean, double error, double median, double min, double max, String unit, int count) {

        static Row of(RunResult run) {
            Result<?> primary = run.getPrimaryResult();
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            scores.sort(Comparator.naturalOrder());
            int n = scores.size();
            double median = n == 0 ? Double.NaN
                    : n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
            String benchmark = run.getParams().getBenchmark();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return new Row(shortName, primary.getScore(), primary.getScoreError(), median,
                    n == 0 ? Double.NaN : scores.get(0), n == 0 ? Double.NaN : scores.get(n - 1),
                    primary.getScoreUnit(), n);
        }
    }
}
