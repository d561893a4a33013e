package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults of the user's machine and files during a bulk run: a full disk, torn journals, huge or foreign input. */
@Timeout(30)
class BulkFaultsTest {

    private static final String HEADER = "customerId,qualification,validationCode";

    @TempDir
    Path dir;

    private static String customer(int i) {
        return new UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | i).toString();
    }

    private Path input(int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < rows; i++) {
            lines.add(customer(i) + ",Education,");
        }
        Path file = dir.resolve("in.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Sends to the demo fake and counts what was sent. */
    private static final class Counting implements UpdateQualificationUseCase, AutoCloseable {
        final PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(DemoData.newDemoPartnerCenter())
                .build();
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public io.github.pcqualification.domain.outcome.UpdateOutcome update(
                io.github.pcqualification.domain.model.QualificationRequest request) {
            sent.incrementAndGet();
            return pc.update(request);
        }

        @Override
        public void close() {
            pc.close();
        }
    }

    private static BulkJob.Options options(Path input, Path output, Optional<Path> journal) {
        return new BulkJob.Options(input, output, 1, journal, false, ApiMode.SYNCHRONOUS);
    }

    private static List<List<String>> report(Path output) throws IOException {
        try (CSVParser parser = CSVParser.parse(output, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            return parser.stream().skip(1).map(CSVRecord::toList).collect(Collectors.toList());
        }
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aFullDisk_stopsSendingAtTheFirstFailedWrite_andARerunWithTheJournalSendsOnlyTheRest() throws Exception {
        Path in = input(40);
        Path out = dir.resolve("report.csv");
        Path journal = dir.resolve("bulk.journal");
        long room = 100 + 56 + 5 * 130;   // the comment and header, then room for a few rows (a row is ~120 bytes)

        BulkWriteException stop;
        try (Counting first = new Counting()) {
            stop = (BulkWriteException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> new BulkJob(first, options(in, out, Optional.of(journal)), System::nanoTime, room).run());
            assertThat(stop).isInstanceOf(BulkWriteException.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining(journal.toString());
            // Nothing is sent after the first failed write: the row whose write failed is the last one sent.
            assertThat(first.sent.get()).isEqualTo(stop.finished() + 1).isLessThan(40);
        }
        assertThat(stop.journaled()).isTrue();
        assertThat(Files.exists(out)).isFalse();
        assertThat(filesInDir()).containsExactlyInAnyOrder("in.csv", "bulk.journal", "bulk.journal.lock");

        try (Counting second = new Counting()) {
            BulkJob.Summary summary = new BulkJob(second, options(in, out, Optional.of(journal)), System::nanoTime).run();

            assertThat(summary.resumed()).isEqualTo(stop.finished());
            assertThat(second.sent.get()).isEqualTo(40 - stop.finished());
            assertThat(report(out)).hasSize(40);
        }
    }

    @Test
    void aDiskThatFillsWhileTheReportIsWritten_endsTheSameWay_andTheRerunWritesTheReport() throws Exception {
        Path in = input(20);
        Path out = dir.resolve("report.csv");
        Path journal = dir.resolve("bulk.journal");
        try (Counting first = new Counting()) {
            new BulkJob(first, options(in, out, Optional.of(journal)), System::nanoTime).run();
        }
        Files.delete(out);

        try (Counting second = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(second, options(in, out, Optional.of(journal)), System::nanoTime, 300)
                    .run())
                    .isInstanceOf(BulkWriteException.class).hasMessageMatching("(?s).*report\\.csv\\.[0-9a-f]+\\.partial.*")
                    .hasMessageContaining("No space left on device");
            assertThat(second.sent.get()).isZero();
        }
        assertThat(filesInDir()).containsExactlyInAnyOrder("in.csv", "bulk.journal", "bulk.journal.lock");

        try (Counting third = new Counting()) {
            BulkJob.Summary summary = new BulkJob(third, options(in, out, Optional.of(journal)), System::nanoTime).run();

            assertThat(summary.resumed()).isEqualTo(20);
            assertThat(third.sent.get()).isZero();
            assertThat(report(out)).hasSize(20);
        }
    }

    @Test
    void anUnreadableInputOrUnwritableOutput_isPermissionDenied_withWhatToDo() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads and writes everything");
        Path in = input(2);
        Path locked = Files.createDirectory(dir.resolve("locked"));
        try (Counting use = new Counting()) {
            in.toFile().setReadable(false);
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("r.csv"), Optional.empty()),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("permission denied");
            in.toFile().setReadable(true);
            locked.toFile().setWritable(false);
            assertThatThrownBy(() -> new BulkJob(use, options(in, locked.resolve("r.csv"), Optional.empty()),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("permission denied");
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void aFullDiskWithoutAJournal_leavesNoScratchFileBehind() throws Exception {
        Path in = input(30);
        Path out = dir.resolve("report.csv");

        try (Counting use = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(use, options(in, out, Optional.empty()), System::nanoTime, 400).run())
                    .isInstanceOf(BulkWriteException.class).hasMessageMatching("(?s).*report\\.csv\\.[0-9a-f]+\\.rows.*");
        }

        assertThat(filesInDir()).containsExactly("in.csv");
    }

    @Test
    void aJournalTornInsideAQuotedField_isRepairedOnTheRerun() throws Exception {
        Path in = input(3);
        Path out = dir.resolve("report.csv");
        Path journal = dir.resolve("bulk.journal");
        String sha = MoreFiles.asByteSource(in).hash(Hashing.sha256()).toString();
        Files.writeString(journal, "# " + Journal.comment(sha, Files.size(in), BulkJob.Options.EMBEDDED_FAKE, ApiMode.SYNCHRONOUS) + "\n"
                + "line,customerId,qualification,outcome,detail,correlationId\n"
                + "2," + customer(0) + ",Education,rejected,\"not found, really\",\n"
                + "3," + customer(1) + ",Education,rejected,\"not fo", StandardCharsets.UTF_8);

        try (Counting use = new Counting()) {
            BulkJob.Summary summary = new BulkJob(use, options(in, out, Optional.of(journal)), System::nanoTime).run();

            assertThat(summary.resumed()).isEqualTo(1);
            assertThat(use.sent.get()).isEqualTo(2);
            assertThat(report(out)).extracting(r -> r.get(0)).containsExactly("2", "3", "4");
        }
    }

    @Test
    void anotherFileGivenAsTheJournal_oneHugeLineOrNotUtf8_isRefusedWithoutReadingItWhole() throws Exception {
        Path in = input(2);
        Path huge = dir.resolve("huge.bin");
        Files.writeString(huge, "x".repeat(2_000_000));
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'#', ' ', (byte) 0xE9, '\n'});

        try (Counting use = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("r.csv"), Optional.of(huge)),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("is not a bulk journal");
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("r.csv"), Optional.of(latin1)),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("is not a bulk journal (not UTF-8 text)");
            assertThat(use.sent.get()).isZero();
        }
        assertThat(Files.size(huge)).isEqualTo(2_000_000);
    }

    @Test
    void aWorkerThatRunsOutOfMemory_endsTheRunWithThatError_andNoScratchFileIsLeft() throws Exception {
        Path in = input(5);
        Path out = dir.resolve("report.csv");
        UpdateQualificationUseCase exhausted = request -> {
            throw new OutOfMemoryError("Java heap space");
        };

        assertThatThrownBy(() -> new BulkJob(exhausted, options(in, out, Optional.empty()), System::nanoTime).run())
                .isInstanceOf(OutOfMemoryError.class);

        assertThat(filesInDir()).containsExactly("in.csv");
    }

    @Test
    void aRecordLongerThanTheBound_isRefusedNamingItsLine_beforeAnythingIsSent() throws Exception {
        Path in = dir.resolve("in.csv");
        String open = "\"" + "x".repeat((int) BulkJob.MAX_RECORD_CHARS) + "\n" + "y".repeat(1000);
        Files.writeString(in, HEADER + "\n" + customer(0) + ",Education,\n" + open + ",Education,\n");

        try (Counting use = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("r.csv"), Optional.empty()),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class)
                    .hasMessageContaining("in.csv line 3: a row longer than " + BulkJob.MAX_RECORD_CHARS + " characters");
            assertThat(use.sent.get()).isZero();
        }
    }

    @Test
    void boundedRecordReader_countsAQuotedLineBreakAsPartOfTheRecord() throws Exception {
        String text = "a,\"b\nc\"\n" + "z".repeat(10);
        try (BoundedRecordReader reader = new BoundedRecordReader(new java.io.StringReader(text), 9)) {
            assertThatThrownBy(() -> reader.read(new char[100], 0, 100))
                    .isInstanceOfSatisfying(BoundedRecordReader.RecordTooLongException.class,
                            e -> assertThat(e.line()).isEqualTo(3));
        }
    }

    @Test
    void inputThatIsNotUtf8_isRefusedNamingTheLineAndWhatToDo() throws Exception {
        Path in = dir.resolve("latin1.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n" + customer(0) + ",Education,\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((customer(1) + ",Education,caf").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);   // é in Windows-1252
        bytes.write('\n');
        Files.write(in, bytes.toByteArray());

        try (Counting use = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("r.csv"), Optional.empty()),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class)
                    .hasMessageContaining("latin1.csv line 3 is not UTF-8 text")
                    .hasMessageContaining("iconv");
        }
    }

    @Test
    void theInputBeingADirectoryMissingOrASpecialFile_isNamedWithWhatToDo() throws Exception {
        Path out = dir.resolve("r.csv");
        try (Counting use = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(use, options(dir, out, Optional.empty()), System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("is a directory");
            assertThatThrownBy(() -> new BulkJob(use, options(dir.resolve("nope.csv"), out, Optional.empty()),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("nope.csv: no such file");
            Path devNull = Paths.get("/dev/null");
            assumeTrue(Files.exists(devNull));
            assertThatThrownBy(() -> new BulkJob(use, options(devNull, out, Optional.empty()), System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("not a regular file")
                    .hasMessageContaining("save it to a file");
        }
    }

    @Test
    void aMissingOutputOrJournalDirectory_isRefusedBeforeAnythingIsSent() throws Exception {
        Path in = input(2);
        try (Counting use = new Counting()) {
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("missing/r.csv"), Optional.empty()),
                    System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class)
                    .hasMessageContaining("--output " + dir.resolve("missing/r.csv") + ": the directory "
                            + dir.resolve("missing") + " does not exist");
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir.resolve("r.csv"),
                    Optional.of(dir.resolve("gone/bulk.journal"))), System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("--journal");
            assertThatThrownBy(() -> new BulkJob(use, options(in, dir, Optional.empty()), System::nanoTime).run())
                    .isInstanceOf(BulkInputException.class).hasMessageContaining("is a directory");
            assertThat(use.sent.get()).isZero();
        }
    }

    @Test
    void idsWithSpacesOrTabsAround_areAccepted_butNulOrOtherControlCharactersAreInvalid() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, HEADER + "\n"
                + " \t" + customer(0) + " ,Education,\n"
                + "\u0000" + customer(1) + ",Education,\n"
                + customer(2) + "\u0001,Education,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("r.csv");

        try (Counting use = new Counting()) {
            new BulkJob(use, options(in, out, Optional.empty()), System::nanoTime).run();
        }

        List<List<String>> report = report(out);
        assertThat(report.get(0).get(3)).isEqualTo("rejected");   // sent: an unknown customer of the fake
        assertThat(report.get(1).get(3)).isEqualTo("invalid");
        assertThat(report.get(2).get(3)).isEqualTo("invalid");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulas_areQuotedInTheReport() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, HEADER + "\n"
                + "=HYPERLINK(\"http://evil.example\";\"x\"),Education,\n"
                + customer(0) + ",+cmd,\n"
                + customer(1) + ",@SUM(A1),\n"
                + customer(2) + ",-2+3,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("r.csv");

        try (Counting use = new Counting()) {
            new BulkJob(use, options(in, out, Optional.empty()), System::nanoTime).run();
        }

        List<List<String>> report = report(out);
        assertThat(report.get(0).get(1)).startsWith("'=HYPERLINK(");
        assertThat(report).extracting(r -> r.get(2)).containsExactly("Education", "'+cmd", "'@SUM(A1)", "'-2+3");
        assertThat(report).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=")
                .doesNotStartWith("+").doesNotStartWith("@").doesNotStartWith("-")));
    }

    @Test
    void formulaQuoting_isIdempotent_soAResumedReportIsQuotedOnce() {
        assertThat(Cells.neutralizeFormula(Cells.neutralizeFormula("=1+1"))).isEqualTo("'=1+1");
        assertThat(Cells.neutralizeFormula("\tx")).isEqualTo("'\tx");
        assertThat(Cells.neutralizeFormula("plain")).isEqualTo("plain");
        assertThat(Cells.trimBlanks(" \t a b\t ")).isEqualTo("a b");
        assertThat(Cells.trimBlanks("\u0000a")).isEqualTo("\u0000a");
        assertThat(Duration.ZERO).isZero();
    }
}
