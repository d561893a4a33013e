package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.policy.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bulk} command in a child JVM against the fake served over loopback HTTP: killed with
 * SIGKILL in the middle of a run and rerun, it loses no row and re-sends none that had finished.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BulkCrashResumeTest {

    private static final String MAIN = "io.github.pcqualification.cli.QualificationCli";
    private static final Duration CHILD_BOUND = Duration.ofSeconds(30);
    private static final int ROWS = 400;
    private static final int CONCURRENCY = 8;
    private static final int KILL_AFTER_ROWS = 50;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private FakePartnerCenterServer server;

    @AfterEach
    void stopEverything() {
        children.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
        }
    }

    private InMemoryPartnerCenter serve(long customers, Duration latency) throws IOException {
        InMemoryPartnerCenter fake = BulkBenchData.fakeWith(customers, Sleeper.real());
        if (!latency.isZero()) {
            fake.failNext(Integer.MAX_VALUE, Fault.latency(latency));
        }
        server = FakePartnerCenterServer.start(fake, 0, 16);
        return fake;
    }

    /** Starts {@code qualification --base-url <served fake> <args>} in a child JVM with the test classpath. */
    private Process startCli(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MAIN, "--base-url", server.baseUri().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("PARTNER_CENTER_TOKEN", "child-test-token");
        Process child = builder.start();
        children.add(child);
        return child;
    }

    private int awaitExit(Process child, String name) throws Exception {
        boolean exited = child.waitFor(CHILD_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(exited).as("%s did not end within %s; stderr: %s", name, CHILD_BOUND, stderr(name)).isTrue();
        return child.exitValue();
    }

    private String stderr(String name) throws IOException {
        Path file = dir.resolve(name + ".err");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Complete entries in the journal: its newline-terminated lines but the comment and the header. */
    private static long journaledRows(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(journal);
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(0, lines - 2);
    }

    private static List<CSVRecord> report(Path output) throws IOException {
        try (CSVParser parser = CSVParser.parse(output, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void killedWithSigkillMidRun_andRerun_reportsEveryRowOnce_andResendsAtMostTheRowsInFlight() throws Exception {
        InMemoryPartnerCenter fake = serve(ROWS, Duration.ofMillis(20));
        Path input = BulkBenchData.writeEducationInput(dir.resolve("in.csv"), ROWS);
        Path output = dir.resolve("report.csv");
        Path journal = dir.resolve("bulk.journal");
        String[] args = {"bulk", "--input", input.toString(), "--output", output.toString(), "--journal",
            journal.toString(), "--concurrency", Integer.toString(CONCURRENCY)};
        Process first = startCli("first", args);
        long deadline = System.nanoTime() + CHILD_BOUND.toNanos();
        while (journaledRows(journal) < KILL_AFTER_ROWS && first.isAlive() && System.nanoTime() < deadline) {
            first.waitFor(5, TimeUnit.MILLISECONDS);
        }
        assertThat(first.isAlive()).as("the first run must still be running when killed; stderr: %s", stderr("first"))
                .isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(CHILD_BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        long journaledAtKill = journaledRows(journal);

        int exitCode = awaitExit(startCli("second", args), "second");

        List<CSVRecord> rows = report(output);
        assertThat(journaledAtKill).isBetween((long) KILL_AFTER_ROWS, (long) ROWS - 1);
        assertThat(exitCode).as("stderr: %s", stderr("second")).isZero();
        assertThat(rows.stream().map(r -> Long.parseLong(r.get("line"))).sorted().collect(Collectors.toList()))
                .containsExactlyElementsOf(LongStream.rangeClosed(2, ROWS + 1).boxed().collect(Collectors.toList()));
        Map<String, Long> outcomes = rows.stream()
                .collect(Collectors.groupingBy(r -> r.get("outcome"), Collectors.counting()));
        assertThat(outcomes.keySet()).isSubsetOf("updated", "unchanged");
        long unchanged = outcomes.getOrDefault("unchanged", 0L);
        // Each unchanged row is a row in flight at the kill: the service had applied it, the journal had not
        // recorded it; its redo costs one PUT (refused: already held) and one GET (the re-read). Every
        // other call is one PUT per row: finished rows are never sent again.
        long updateRequests = fake.callCount() - unchanged;
        assertThat(unchanged).isLessThanOrEqualTo(CONCURRENCY);
        assertThat(updateRequests).isBetween((long) ROWS, (long) ROWS + CONCURRENCY);
        assertThat(stderr("second")).contains(journaledAtKill + " done before and skipped");
        assertThat(LongStream.range(0, ROWS).mapToObj(BulkBenchData::customer).filter(c ->
                fake.qualificationsOf(c).stream().noneMatch(q -> q.qualification()
                        .equals(ReportedQualification.of(Qualification.EDUCATION)))).count()).isZero();
    }

    @Test
    void dryRun_throughTheCli_reportsEveryRow_andSendsNothing() throws Exception {
        InMemoryPartnerCenter fake = serve(20, Duration.ZERO);
        Path input = BulkBenchData.writeEducationInput(dir.resolve("in.csv"), 20);
        Files.writeString(input, "not-a-guid,Education,\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path output = dir.resolve("report.csv");

        int exitCode = awaitExit(startCli("dry", "bulk", "--input", input.toString(), "--output", output.toString(),
                "--dry-run"), "dry");

        Map<String, Long> outcomes = report(output).stream()
                .collect(Collectors.groupingBy(r -> r.get("outcome"), Collectors.counting()));
        assertThat(exitCode).as("stderr: %s", stderr("dry")).isEqualTo(3);
        assertThat(outcomes).containsOnly(Map.entry("would-send", 20L), Map.entry("invalid", 1L));
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void rate_throughTheCli_spacesTheRequestsEvenly() throws Exception {
        int rows = 40;
        double rate = 20;
        InMemoryPartnerCenter fake = serve(rows, Duration.ZERO);
        Path input = BulkBenchData.writeEducationInput(dir.resolve("in.csv"), rows);
        Path output = dir.resolve("report.csv");

        int exitCode = awaitExit(startCli("rate", "--json", "bulk", "--input", input.toString(), "--output",
                output.toString(), "--concurrency", "8", "--rate", Double.toString(rate)), "rate");

        String json = Files.readString(dir.resolve("rate.out"), StandardCharsets.UTF_8);
        Matcher seconds = Pattern.compile("\"seconds\"\\s*:\\s*([0-9.]+)").matcher(json);
        assertThat(exitCode).as("stderr: %s", stderr("rate")).isZero();
        assertThat(seconds.find()).as("json: %s", json).isTrue();
        // 40 requests evenly spaced at 20 per second: the last goes 39 intervals of 50 ms after the first.
        assertThat(Double.parseDouble(seconds.group(1))).isGreaterThanOrEqualTo((rows - 1) / rate);
        assertThat(fake.callCount()).isEqualTo(rows);
    }
}
