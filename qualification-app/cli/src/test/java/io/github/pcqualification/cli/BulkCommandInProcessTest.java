package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.domain.model.Qualification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bulk} run in-process, as a user runs it: the lines it prints (summary, report, how to resume), its
 * {@code --json} object, its exit code, the report and journal it writes, and the option values it refuses. The
 * other bulk tests drive the job directly or start a child JVM; these go through the command.
 */
class BulkCommandInProcessTest {

    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String SECOND_FRESH = DemoData.SECOND_FRESH_CUSTOMER.toString();
    private static final String EDUCATION = DemoData.EDUCATION_CUSTOMER.toString();
    private static final String GCC = Qualification.GOVERNMENT_COMMUNITY_CLOUD.wireName();
    private static final String TOKEN = "bulk-in-process-token-5d41402abc";
    /** {@code bulk: <rows> rows in <s> s (<r> rows/s)<resumed>: <counts>}. */
    private static final Pattern SUMMARY = Pattern.compile(
            "bulk: (\\d+) rows in (\\d+\\.\\d) s \\((\\d+) rows/s\\)(, (\\d+) done before and skipped)?: (.*)");

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        String all() {
            return out + err;
        }
    }

    static Result run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QualificationCli.run(args, env, DemoData::newDemoPartnerCenter, new PrintWriter(out),
                new PrintWriter(err), terminal);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(Map.of(), false, args);
    }

    private Path input(String... rows) throws IOException {
        return inputWithHeader("customerId,qualification,validationCode", rows);
    }

    private Path inputWithHeader(String header, String... rows) throws IOException {
        return Files.writeString(dir.resolve("in.csv"), header + "\n" + String.join("\n", rows) + "\n");
    }

    private Path threeRows() throws IOException {
        return input(FRESH + ",Education,", SECOND_FRESH + ",Education,", EDUCATION + ",Education,");
    }

    private Path report() {
        return dir.resolve("report.csv");
    }

    private Path journal() {
        return dir.resolve("journal.csv");
    }

    /** The summary line, checked for consistency: its rate is the rows sent in this run over its seconds. */
    private static Matcher summary(Result result) {
        Matcher m = SUMMARY.matcher(result.errLines().get(0));
        assertThat(m.matches()).as("summary line: %s", result.errLines().get(0)).isTrue();
        double seconds = Double.parseDouble(m.group(2));
        long rows = Long.parseLong(m.group(1));
        long resumed = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
        long rate = Long.parseLong(m.group(3));
        assertThat(seconds).as("a few rows take less than a minute").isLessThan(60);
        if (resumed == rows) {
            assertThat(rate).as("nothing was sent in this run").isZero();
        } else {
            assertThat(rate).as("rows/s of %s rows in %s s", rows - resumed, seconds)
                    .isGreaterThanOrEqualTo((long) ((rows - resumed) / (seconds + 0.05)) - 1);
        }
        return m;
    }

    @Test
    void bulk_withEveryRowUpdatedOrUnchanged_exitsZero_andPrintsTheSummaryAndTheReport() throws IOException {
        Result result = run("bulk", "--input", threeRows().toString(), "--output", report().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(2);
        Matcher m = summary(result);
        assertThat(m.group(1)).isEqualTo("3");
        assertThat(m.group(4)).as("nothing resumed").isNull();
        assertThat(m.group(6)).isEqualTo("2 updated, 1 unchanged");
        assertThat(result.errLines().get(1)).isEqualTo("report: " + report());
        assertThat(Files.readAllLines(report())).hasSize(4).element(1).asString()
                .startsWith("2," + FRESH + ",Education,updated,Education,");
    }

    @Test
    void bulk_withJson_printsOneObjectWithEveryCountAndTheReport() throws IOException {
        Result result = run("bulk", "--json", "--input", threeRows().toString(), "--output", report().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1);
        String json = result.out().strip();
        assertThat(json).matches("\\{\"rows\":3,\"resumed\":0,\"seconds\":[0-9.E]+,\"throttledPauses\":0,\"updated\":2,"
                + "\"unchanged\":1,\"invalid\":0,\"rejected\":0,\"failed\":0,\"duplicate\":0,\"would-send\":0,"
                + "\"report\":\".*report\\.csv\"}");
        double seconds = Double.parseDouble(json.replaceAll(".*\"seconds\":([0-9.E]+),.*", "$1"));
        assertThat(seconds).isLessThan(60);
        summary(result);
    }

    @Test
    void bulk_rerunWithItsJournal_skipsEveryRow_sendsNothing_andKeepsOneBindingLine() throws IOException {
        Path in = threeRows();
        Result first = run("bulk", "--input", in.toString(), "--output", report().toString(), "--journal",
                journal().toString());

        Result second = run("bulk", "--json", "--input", in.toString(), "--output", report().toString(), "--journal",
                journal().toString());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        Matcher m = summary(second);
        assertThat(m.group(5)).isEqualTo("3");
        assertThat(m.group(6)).isEqualTo("2 updated, 1 unchanged");
        assertThat(second.out()).contains("\"rows\":3,\"resumed\":3,");
        assertThat(Files.readAllLines(journal()).stream().filter(l -> l.startsWith("#")))
                .as("the input did not grow: no second binding line").hasSize(1);
        assertThat(Files.readAllLines(report())).hasSize(4);
    }

    @Test
    void bulk_withTwelveRows_reportsEachLineOnce_inInputOrder_evenLinesNineteenAndTen() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            rows.append(String.format("%08d-0000-4000-8000-000000000000,Education,%n", i + 1));
        }
        Files.writeString(dir.resolve("in.csv"), "customerId,qualification,validationCode\n" + rows);

        Result result = run("bulk", "--input", dir.resolve("in.csv").toString(), "--output", report().toString(),
                "--concurrency", "1");

        assertThat(result.exitCode()).as("unknown customers are rejected").isEqualTo(ExitCodes.REJECTED);
        assertThat(summary(result).group(6)).isEqualTo("12 rejected");
        List<String> lines = Files.readAllLines(report());
        assertThat(lines).hasSize(13);
        for (int line = 2; line <= 13; line++) {
            assertThat(lines.get(line - 1)).startsWith(line + "," + String.format("%08d", line - 1) + "-")
                    .contains(",rejected,");
        }
    }

    @Test
    void bulk_rowsThatCannotBeSent_areReportedWhyOnOneLineEach() throws IOException {
        String longCustomer = "x".repeat(5000);
        Path in = input(FRESH + ",,", "\"\nstarts-with-a-break\",Education,", longCustomer + ",Education,",
                FRESH + ",Education,", FRESH + ",Education,");

        Result result = run("bulk", "--input", in.toString(), "--output", report().toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(summary(result).group(6)).isEqualTo("1 updated, 3 invalid, 1 duplicate");
        List<String> lines = Files.readAllLines(report());
        assertThat(lines).as("one line per row, a line break in a cell included").hasSize(6);
        assertThat(lines.get(1)).startsWith("2," + FRESH + ",,invalid,the qualification is empty,");
        // the cell loses its control characters; the detail quotes the value as it came, escaped
        assertThat(lines.get(2)).startsWith("3,starts-with-a-break,Education,invalid,")
                .contains("got '\\u000astarts-with-a-break'");
        assertThat(lines.get(3)).startsWith("4," + longCustomer + ",Education,invalid,");
        assertThat(lines.get(4)).startsWith("5," + FRESH + ",Education,updated,");
        assertThat(lines.get(5)).isEqualTo("6," + FRESH + ",Education,duplicate,"
                + "\"customer already listed on line 5; sent once, for that line\",");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1024"})
    void bulk_concurrencyAtItsBounds_isAccepted(String concurrency) throws IOException {
        Result result = run("bulk", "--input", threeRows().toString(), "--output", report().toString(),
                "--concurrency", concurrency);

        assertThat(result.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1025", "-3"})
    void bulk_concurrencyOutOfBounds_isAUsageError_andNothingIsWritten(String concurrency) throws IOException {
        Result result = run("bulk", "--input", threeRows().toString(), "--output", report().toString(),
                "--concurrency", concurrency);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.errLines()).containsExactly("error: --concurrency must be between 1 and 1024, got " + concurrency,
                "see 'qualification bulk --help'");
        assertThat(report()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "100000.5", "NaN", "Infinity"})
    void bulk_aRateThatIsNotAPositiveBoundedNumber_isAUsageError(String rate) throws IOException {
        Result result = run("bulk", "--input", threeRows().toString(), "--output", report().toString(), "--rate", rate);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: --rate must be a positive number of requests per second");
    }

    @Test
    void bulk_theHighestRate_isAccepted() throws IOException {
        Result result = run("bulk", "--input", threeRows().toString(), "--output", report().toString(), "--rate",
                "100000");

        assertThat(result.exitCode()).isZero();
        assertThat(result.errLines().get(1)).isEqualTo("report: " + report());
    }

    @Test
    void bulk_aDryRunWithAJournal_isAUsageError() throws IOException {
        Result result = run("bulk", "--dry-run", "--input", threeRows().toString(), "--output", report().toString(),
                "--journal", journal().toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: --dry-run sends nothing, so it takes no --journal");
        assertThat(journal()).doesNotExist();
    }

    @Test
    void bulk_anAsyncDryRun_showsThePostItWouldSend_withSegmentWebsiteAndCode() throws IOException {
        Path in = inputWithHeader("customerId,qualification,validationCode,educationSegment,website",
                FRESH + ",Education,,K12,contoso.edu", SECOND_FRESH + "," + GCC + "," + DemoData.VALIDATION_CODE.value() + ",,");

        Result result = run("bulk", "--async", "--dry-run", "--input", in.toString(), "--output", report().toString());

        assertThat(result.exitCode()).isZero();
        List<String> lines = Files.readAllLines(report());
        assertThat(lines.get(1)).isEqualTo("2," + FRESH + ",Education,would-send,POST /v1/customers/" + FRESH
                + "/qualifications Education K12 contoso.edu,");
        assertThat(lines.get(2)).isEqualTo("3," + SECOND_FRESH + "," + GCC + ",would-send,POST /v1/customers/" + SECOND_FRESH
                + "/qualifications " + GCC + " validationCode " + DemoData.VALIDATION_CODE.value() + ",");
    }

    @Test
    void bulk_async_reportsTheVettingStatusOfEachRequest() throws IOException {
        Path in = inputWithHeader("customerId,qualification,validationCode,educationSegment,website",
                FRESH + ",Education,,HigherEducation,contoso.edu");

        Result result = run("bulk", "--async", "--input", in.toString(), "--output", report().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(report()).get(1)).startsWith("2," + FRESH + ",Education,updated,"
                + "Education (vetting InReview),");
    }

    @Test
    void bulk_onATerminal_clearsItsProgressLineAtTheEnd_andNeverOtherwise() throws IOException {
        Path in = threeRows();

        Result terminal = run(Map.of(), true, "bulk", "--input", in.toString(), "--output", report().toString());
        Result piped = run(Map.of(), false, "bulk", "--input", in.toString(), "--output", report().toString());

        assertThat(terminal.exitCode()).isZero();
        assertThat(terminal.err()).startsWith("\r\033[K").contains("bulk: 3 rows in ");
        assertThat(piped.err()).doesNotContain("\033");
    }

    @Test
    void bulk_anInputThatIsMissing_isExitTwo_sayingNothingWasSent() {
        Result result = run("bulk", "--input", dir.resolve("none.csv").toString(), "--output", report().toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.errLines()).hasSize(2).element(1).isEqualTo("nothing was sent");
        assertThat(result.err()).startsWith("error: --input " + dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void bulk_anOutputOrJournalThatIsADirectory_isRefusedBeforeAnythingIsRead() throws IOException {
        Path in = threeRows();
        Path folder = Files.createDirectory(dir.resolve("folder"));

        Result output = run("bulk", "--input", in.toString(), "--output", folder.toString());
        Result journal = run("bulk", "--input", in.toString(), "--output", report().toString(), "--journal",
                folder.toString());

        assertThat(output.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(output.err()).startsWith("error: --output " + folder + " is a directory: give a file name");
        assertThat(journal.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(journal.err()).startsWith("error: --journal " + folder + " is a directory: give a file name");
    }

    @Nested
    class RecordsAtTheLimit {

        @Test
        void bulk_aRecordOfExactly64KiCharacters_isRead_oneMoreIsRefused() throws IOException {
            String suffix = ",Education,";
            String atLimit = "y".repeat(65_536 - suffix.length()) + suffix;

            Result accepted = run("bulk", "--input", input(atLimit).toString(), "--output", report().toString());
            Result refused = run("bulk", "--input", input("y" + atLimit).toString(), "--output", report().toString());

            assertThat(accepted.exitCode()).as(accepted.err()).isEqualTo(ExitCodes.REJECTED);
            assertThat(summary(accepted).group(6)).isEqualTo("1 invalid");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(refused.err()).contains(" line 2: a row longer than 65536 characters");
        }

        @Test
        void bulk_aQuotedLineBreak_doesNotEndTheRecord_forTheLimit() throws IOException {
            String half = "z".repeat(40_000);
            Path in = input("\"" + half + "\n" + half + "\",Education,");

            Result result = run("bulk", "--input", in.toString(), "--output", report().toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains(" line 2: a row longer than 65536 characters");
        }

        @Test
        void bulk_aByteThatIsNotUtf8PastTheFirst64KiB_isNamedByItsLine() throws IOException {
            StringBuilder rows = new StringBuilder("customerId,qualification,validationCode\n");
            for (int i = 0; i < 1000; i++) {
                rows.append("c".repeat(70)).append(",Education,\n");
            }
            byte[] head = rows.toString().getBytes(StandardCharsets.UTF_8);
            byte[] bad = "bad\u00ff,Education,\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[head.length + bad.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(bad, 0, all, head.length, bad.length);
            Path in = Files.write(dir.resolve("in.csv"), all);

            Result result = run("bulk", "--input", in.toString(), "--output", report().toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains(in + " line 1002 is not UTF-8 text");
        }
    }

    @Nested
    class EditedOrTornJournals {

        private Path in;

        @BeforeEach
        void firstRun() throws IOException {
            in = threeRows();
            assertThat(run("bulk", "--input", in.toString(), "--output", report().toString(), "--journal",
                    journal().toString()).exitCode()).isZero();
        }

        private Result rerunAfterAppending(String journalRow) throws IOException {
            Files.writeString(journal(), journalRow + "\n", java.nio.file.StandardOpenOption.APPEND);
            return run("bulk", "--input", in.toString(), "--output", report().toString(), "--journal",
                    journal().toString());
        }

        @Test
        void bulk_aJournalRowForALineBeyondTheInput_isRefused_namingBothLines() throws IOException {
            Result result = rerunAfterAppending("5," + FRESH + ",Education,updated,,");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).startsWith("error: the journal " + journal() + ", line 6: input line 5 is outside"
                    + " the input's lines 2 to 4; the journal is damaged or was edited");
        }

        @Test
        void bulk_aJournalRowForTheHeaderLine_isRefused() throws IOException {
            Result result = rerunAfterAppending("1," + FRESH + ",Education,updated,,");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("input line 1 is outside the input's lines 2 to 4");
        }

        @Test
        void bulk_aLineNumberOfTenDigits_isRead_elevenAreRefused() throws IOException {
            Result ten = rerunAfterAppending("0000000004," + EDUCATION + ",Education,unchanged,,");
            Result eleven = rerunAfterAppending("00000000004," + EDUCATION + ",Education,unchanged,,");

            assertThat(ten.exitCode()).isZero();
            assertThat(eleven.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(eleven.err()).contains("the line '00000000004' is not a number");
        }

        @Test
        void bulk_aRowWhoseLastEntryFailed_isSentAgain() throws IOException {
            Result result = rerunAfterAppending("2," + FRESH + ",Education,failed,timeout,");

            assertThat(result.exitCode()).isZero();
            Matcher m = summary(result);
            assertThat(m.group(5)).as("rows 3 and 4 only").isEqualTo("2");
            assertThat(m.group(6)).isEqualTo("2 updated, 1 unchanged");
        }

        @Test
        void bulk_aJournalTornInItsFirstLine_isStartedAfresh() throws IOException {
            Files.writeString(journal(), "# qualification-bulk-jour");

            Result result = run("bulk", "--input", in.toString(), "--output", report().toString(), "--journal",
                    journal().toString());

            assertThat(result.exitCode()).isZero();
            assertThat(summary(result).group(5)).as("nothing resumed").isNull();
            assertThat(Files.readAllLines(journal()).get(0)).startsWith("# qualification-bulk-journal input-sha256=");
        }
    }

    @Nested
    class AgainstAServer {

        private MockWebServer server;

        @BeforeEach
        void start() throws IOException {
            server = new MockWebServer();
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        }

        @AfterEach
        void stop() throws IOException {
            server.shutdown();
        }

        private void answerEvery(MockResponse response) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return response;
                }
            });
        }

        private Result bulk(String... more) throws IOException {
            List<String> args = new java.util.ArrayList<>(List.of("bulk", "--base-url",
                    "http://127.0.0.1:" + server.getPort(), "--input", threeRows().toString(), "--output",
                    report().toString(), "--concurrency", "1"));
            args.addAll(List.of(more));
            return run(Map.of("PARTNER_CENTER_TOKEN", TOKEN), false, args.toArray(String[]::new));
        }

        @Test
        void bulk_whenTheTokenIsRefused_stopsSending_exitsFive_andSaysToAddAJournal() throws IOException {
            answerEvery(new MockResponse().setResponseCode(401).setBody("{\"description\":\"Access denied\"}"));

            Result result = bulk("--json");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(result.errLines()).hasSize(4);
            assertThat(result.errLines().get(1)).startsWith("bulk: stopped sending: ");
            assertThat(result.errLines().get(2)).isEqualTo("bulk: fix the credentials and run the same command again;"
                    + " add --journal FILE to a long run so a rerun sends only the rows that did not finish");
            assertThat(result.out()).contains("\"failed\":3,").contains("\"stoppedBy\":\"");
            assertThat(result.all()).doesNotContain(TOKEN);
            assertThat(Files.readAllLines(report()).get(3)).contains(",failed,not sent: authentication failed earlier");
        }

        @Test
        void bulk_whenTheTokenIsRefused_withAJournal_saysTheJournalResumes() throws IOException {
            answerEvery(new MockResponse().setResponseCode(401).setBody("{\"description\":\"Access denied\"}"));

            Result result = bulk("--journal", journal().toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(result.errLines().get(2)).isEqualTo("bulk: fix the credentials and run the same command again;"
                    + " the journal sends only the rows that did not finish");
        }

        @Test
        void bulk_throttledPastTheDeadline_failsTheRows_andCountsThePauses() throws IOException {
            answerEvery(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
                    .setBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"));

            Result result = bulk("--json");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.errLines().get(1)).isEqualTo("report: " + report() + " (throttled 3 times)");
            assertThat(result.out()).contains("\"throttledPauses\":3,").contains("\"failed\":3,");
            assertThat(server.getRequestCount()).isEqualTo(3);
        }
    }
}
