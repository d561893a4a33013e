package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.cli.bulk.BulkJob;
import io.github.pcqualification.cli.bulk.BulkWriteException;
import io.github.pcqualification.domain.model.ApiMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake or a fault of their machine is exit 2 (or 4 mid-run) with what to do; never "this is a bug". */
@Timeout(30)
class CliUserErrorsTest {

    private static final String HEADER = "customerId,qualification,validationCode";

    @TempDir
    Path dir;

    private static CliTest.Result serveFake(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QualificationCli.run(args, Map.of(), DemoData::newDemoPartnerCenter, new PrintWriter(out),
                new PrintWriter(err), false, (uri, ttl) -> false);
        return new CliTest.Result(code, out.toString(), err.toString());
    }

    private Path input() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, HEADER + "\n" + DemoData.FRESH_CUSTOMER + ",Education,\n", StandardCharsets.UTF_8);
        return in;
    }

    @Test
    void bulkToAMissingOutputDirectory_isExit2NamingTheDirectory() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("report.csv");

        CliTest.Result result = CliTest.run("bulk", "--input", input().toString(), "--output", missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the directory " + dir.resolve("no-such-dir") + " does not exist")
                .contains("nothing was sent").doesNotContain("bug").doesNotContain("at io.");
    }

    @Test
    void bulkFromADirectoryOrAMissingFile_isExit2SayingWhich() throws Exception {
        CliTest.Result fromDirectory = CliTest.run("bulk", "--input", dir.toString(), "--output",
                dir.resolve("r.csv").toString());
        CliTest.Result fromNothing = CliTest.run("bulk", "--input", dir.resolve("none.csv").toString(), "--output",
                dir.resolve("r.csv").toString());

        assertThat(fromDirectory.exitCode()).isEqualTo(2);
        assertThat(fromDirectory.err()).contains("is a directory").doesNotContain("bug");
        assertThat(fromNothing.exitCode()).isEqualTo(2);
        assertThat(fromNothing.err()).contains("none.csv: no such file").doesNotContain("bug");
    }

    @Test
    void bulkWithNonUtf8Input_namesTheFileAndTheLine() throws Exception {
        Path in = dir.resolve("latin1.csv");
        Files.write(in, (HEADER + "\n" + DemoData.FRESH_CUSTOMER + ",Education,caf\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        CliTest.Result result = CliTest.run("bulk", "--input", in.toString(), "--output", dir.resolve("r.csv").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("latin1.csv line 2 is not UTF-8 text").doesNotContain("Input length = 1");
    }

    @Test
    void serveFakeOnAPortInUse_isExit2SayingToChooseAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliTest.Result result = serveFake("serve-fake", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("--port " + taken.getLocalPort()).contains("choose another --port")
                    .doesNotContain("bug");
        }
    }

    @Test
    void serveFakeWithASeedThatIsMissingADirectoryOrNotUtf8_isExit2NamingIt() throws Exception {
        Path latin1 = dir.resolve("seed.json");
        Files.write(latin1, "{\"customers\":[\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1));

        CliTest.Result missing = serveFake("serve-fake", "--seed", dir.resolve("none.json").toString());
        CliTest.Result directory = serveFake("serve-fake", "--seed", dir.toString());
        CliTest.Result notUtf8 = serveFake("serve-fake", "--seed", latin1.toString());

        assertThat(List.of(missing.exitCode(), directory.exitCode(), notUtf8.exitCode())).containsOnly(2);
        assertThat(missing.err()).contains("none.json").contains("no such file");
        assertThat(directory.err()).contains("not a regular file");
        assertThat(notUtf8.err()).contains("not UTF-8 text").doesNotContain("Input length");
    }

    @Test
    void everyKindOfIoProblemReachingTheHandler_isExit2WithWhatToDo_andAnythingElseIsABug() {
        StringWriter err = new StringWriter();
        List<Exception> environment = List.of(new NoSuchFileException("/x/in.csv"), new AccessDeniedException("/x/out"),
                new UncheckedIOException(new MalformedInputException(1)), new BindException("Address already in use"),
                new java.nio.file.FileSystemException("/x/j", null, "Read-only file system"),
                new IOException("No space left on device"));

        for (Exception e : environment) {
            assertThat(QualificationCli.failed(e, new PrintWriter(err, true))).as(e.toString()).isEqualTo(2);
        }
        int bug = QualificationCli.failed(new IllegalStateException("oops"), new PrintWriter(err, true));

        assertThat(bug).isEqualTo(1);
        assertThat(err.toString()).contains("/x/in.csv: no such file", "/x/out: permission denied", "not UTF-8 text",
                "port is in use", "Read-only file system", "the disk is full: free space and run the same command again");
        assertThat(err.toString().split("this is a bug", -1)).hasSize(2);
    }

    @Test
    void runningOutOfMemory_isAClearMessageWithTheHint_notAStackTrace() {
        Supplier<InMemoryPartnerCenter> exhausted = () -> {
            throw new OutOfMemoryError("Java heap space");
        };

        CliTest.Result result = CliTest.run(Map.of(), exhausted, "get", "--customer", DemoData.FRESH_CUSTOMER.toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("out of memory").contains("QUALIFICATION_JAVA_OPTS=-Xmx").doesNotContain("bug");
    }

    @Test
    void aCustomerIdWithSpacesOrTabsAround_isAcceptedAsInBulk_butANulIsNot() {
        CliTest.Result spaced = CliTest.run("get", "--customer", " \t" + DemoData.FRESH_CUSTOMER + " ");
        CliTest.Result nul = CliTest.run("get", "--customer", DemoData.FRESH_CUSTOMER + "\u0000");

        assertThat(spaced.exitCode()).isZero();
        assertThat(nul.exitCode()).isEqualTo(2);
    }

    @Test
    void aFullDisk_isExit4WithTheHintToFreeSpaceAndRerun() {
        StringWriter err = new StringWriter();
        BulkWriteException full = new BulkWriteException(new IOException("cannot write /x/bulk.journal: No space left on"
                + " device"), true, 17);

        int code = BulkCommand.stoppedWriting(full, new PrintWriter(err, true));

        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).contains("cannot write /x/bulk.journal: No space left on device")
                .contains("stopped sending at the first failed write; 17 rows finished")
                .contains("the disk is full: free space and run the same command again; the journal keeps what finished")
                .doesNotContain("bug");
    }

    @Test
    void ctrlC_withoutAJournal_removesTheScratchFiles_andSaysToAddAJournal() throws Exception {
        BulkJob.Options options = new BulkJob.Options(input(), dir.resolve("r.csv"), 1, Optional.empty(), false,
                ApiMode.SYNCHRONOUS);
        StringWriter err = new StringWriter();
        List<Path> scratchFiles;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(DemoData.newDemoPartnerCenter())
                .build()) {
            BulkJob job = new BulkJob(pc, options, System::nanoTime);
            scratchFiles = job.scratchFiles();
            for (Path scratch : scratchFiles) {
                Files.writeString(scratch, "line,customerId\n2,x");
            }
            BulkCommand.onInterrupt(job, options, new PrintWriter(err));
        }

        assertThat(scratchFiles).hasSize(2).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(err.toString()).contains("bulk: interrupted: 0 of 0 rows").contains("add --journal FILE");
    }

    @Test
    void ctrlC_printsTheSummarySoFar_andHowToResume() throws Exception {
        Path in = input();
        BulkJob job;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(DemoData.newDemoPartnerCenter())
                .build()) {
            job = new BulkJob(pc, new BulkJob.Options(in, dir.resolve("r.csv"), 1, Optional.of(dir.resolve("j")), false,
                    ApiMode.SYNCHRONOUS), System::nanoTime);
            job.run();
        }

        List<String> journaled = BulkCommand.interruptedLines(job.progress(), Optional.of(dir.resolve("j")));
        List<String> unjournaled = BulkCommand.interruptedLines(new BulkJob.Progress(), Optional.empty());

        assertThat(journaled.get(0)).startsWith("bulk: interrupted: 1 of 1 rows finished in this run (1 updated)");
        assertThat(journaled.get(1)).contains("run the same command again to resume").contains(dir.resolve("j").toString());
        assertThat(unjournaled.get(0)).startsWith("bulk: interrupted: 0 of 0 rows");
        assertThat(unjournaled.get(1)).contains("add --journal FILE");
    }
}
