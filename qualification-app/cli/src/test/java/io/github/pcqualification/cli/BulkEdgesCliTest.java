package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.cli.bulk.BulkJob;
import io.github.pcqualification.domain.model.ApiMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk command's remaining edges, through its entry points: a carriage return leading a cell, a journal field of
 * the largest size, a journal cut after its header but written for another input, what the journal binds a run to
 * for unusual base URLs, what Ctrl-C prints after a resumed run, and the second line of an I/O problem.
 */
class BulkEdgesCliTest {

    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String EDUCATION = DemoData.EDUCATION_CUSTOMER.toString();
    private static final int MAX_FIELD_CHARS = 1 << 20;

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {}

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QualificationCli.run(args, env, DemoData::newDemoPartnerCenter, new PrintWriter(out),
                new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path input(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), "customerId,qualification,validationCode\n"
                + String.join("\n", rows) + "\n");
    }

    private Result bulk(Path in, Path journal) {
        return run(Map.of(), "bulk", "--input", in.toString(), "--output", dir.resolve("report.csv").toString(),
                "--journal", journal.toString());
    }

    @Test
    void aCellLedByACarriageReturn_staysOnItsOwnLineOfTheReport() throws IOException {
        Path in = input("in.csv", "\"\rcarriage\",Education,", FRESH + ",Education,");

        Result result = run(Map.of(), "bulk", "--input", in.toString(), "--output", dir.resolve("report.csv").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        List<String> lines = Files.readAllLines(dir.resolve("report.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("2,carriage,Education,invalid,");
    }

    @Test
    void aJournalFieldOfTheLargestSize_isRead_oneCharacterMoreIsRefused() throws IOException {
        Path in = input("in.csv", FRESH + ",Education,", EDUCATION + ",Education,");
        Path journal = dir.resolve("journal.csv");
        assertThat(bulk(in, journal).exitCode()).isZero();
        String largest = "d".repeat(MAX_FIELD_CHARS);

        Files.writeString(journal, "3," + EDUCATION + ",Education,unchanged," + largest + ",\n", StandardOpenOption.APPEND);
        Result read = bulk(in, journal);
        Files.writeString(journal, "3," + EDUCATION + ",Education,unchanged," + largest + "d,\n", StandardOpenOption.APPEND);
        Result refused = bulk(in, journal);

        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(refused.err()).contains("the detail field has more than 1048576 characters");
    }

    @Test
    void aJournalCutAfterItsHeader_forAnotherInput_isRefused_notStartedAfresh() throws IOException {
        Path journal = dir.resolve("journal.csv");
        assertThat(bulk(input("a.csv", FRESH + ",Education,"), journal).exitCode()).isZero();
        List<String> head = Files.readAllLines(journal).subList(0, 2);
        Files.writeString(journal, String.join("\n", head) + "\n");

        Result result = bulk(input("b.csv", EDUCATION + ",Education,"), journal);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).contains("was written for a different input file");
    }

    @Test
    void aBaseUrlThatIsNotAServer_isAUsageError_beforeTheJournalIsBound() throws IOException {
        Result result = run(Map.of("PARTNER_CENTER_TOKEN", "edge-token-123456"), "bulk", "--base-url", "mailto:ops",
                "--input", input("in.csv", FRESH + ",Education,").toString(), "--output",
                dir.resolve("report.csv").toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: --base-url");
    }

    @Test
    void theJournalTarget_keepsPortZero_cutsAtTwoThousandCharacters_andEncodesWhatIsNotAscii() {
        String path = "/" + "p".repeat(2000 - "http://h:1".length() - 1);

        assertThat(BulkCommand.target(URI.create("http://h:0/x"))).isEqualTo("http://h:0/x");
        assertThat(BulkCommand.target(URI.create("http://H:1" + path))).isEqualTo("http://h:1" + path).hasSize(2000);
        assertThat(BulkCommand.target(URI.create("http://H:1" + path + "q"))).isEqualTo("http://H:1" + path + "q");
        assertThat(BulkCommand.target(URI.create("http://h/caf\u00e9"))).isEqualTo("http://h/caf%C3%A9");
    }

    @Test
    void ctrlC_afterAResumedRun_saysHowManyWereDoneBefore() throws Exception {
        Path in = input("in.csv", FRESH + ",Education,", EDUCATION + ",Education,");
        Path journal = dir.resolve("journal.csv");
        assertThat(bulk(in, journal).exitCode()).isZero();
        BulkJob job;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                .ports(DemoData.newDemoPartnerCenter()).build()) {
            job = new BulkJob(pc, new BulkJob.Options(in, dir.resolve("again.csv"), 1, Optional.of(journal), false,
                    ApiMode.SYNCHRONOUS), System::nanoTime);
            job.run();
        }

        List<String> lines = BulkCommand.interruptedLines(job.progress(), Optional.of(journal));

        assertThat(job.progress().resumed()).isEqualTo(2);
        assertThat(lines.get(0)).isEqualTo("bulk: interrupted: 0 of 2 rows finished in this run, 2 done before;"
                + " no report written");
    }

    @Test
    void anIoProblemReachingTheHandler_saysOnItsSecondLineThatItIsNotABug() {
        StringWriter err = new StringWriter();

        int code = QualificationCli.failed(new java.nio.file.AccessDeniedException("/srv/in.csv"), new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString().lines().toList()).hasSize(2).element(1).isEqualTo("not a bug in the tool: fix the file,"
                + " directory or port named above and run the same command again");
    }
}
