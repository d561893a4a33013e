package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.cli.ExitCodes;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk job: one report row per input row, nothing sent for invalid rows, duplicates once, resumable. */
class BulkJobTest {

    private static final String HEADER = "customerId,qualification,validationCode";
    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String SECOND = DemoData.SECOND_FRESH_CUSTOMER.toString();
    private static final String EDUCATION = DemoData.EDUCATION_CUSTOMER.toString();

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static final int ATTEMPTS = io.github.pcqualification.domain.policy.RetryPolicy.defaults().maxAttempts();

    private static String customer(int i) {
        return new UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | i).toString();
    }

    private BulkJob.Summary run(InMemoryPartnerCenter fake, Path input, Path output, int concurrency,
            Optional<Path> journal, boolean dryRun) throws Exception {
        // Retries as in production, waiting for nothing.
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).sleeper(d -> { })
                .build()) {
            return new BulkJob(pc, new BulkJob.Options(input, output, concurrency, journal, dryRun, ApiMode.SYNCHRONOUS),
                    System::nanoTime).run();
        }
    }

    private static List<List<String>> report(Path output) throws IOException {
        try (CSVParser parser = CSVParser.parse(output, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            return parser.stream().skip(1).map(CSVRecord::toList).collect(Collectors.toList());
        }
    }

    private static List<String> rowOfLine(List<List<String>> report, int line) {
        return report.stream().filter(r -> r.get(0).equals(Integer.toString(line))).findFirst().orElseThrow();
    }

    private static String outcomeOfLine(List<List<String>> report, int line) {
        return report.stream().filter(r -> r.get(0).equals(Integer.toString(line))).map(r -> r.get(3))
                .collect(Collectors.joining("|"));
    }

    @Test
    void everyRowGetsExactlyOneReportRow_withTheOutcomeOfItsKind() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        fake.failFor(DemoData.SECOND_FRESH_CUSTOMER, ATTEMPTS, Fault.unavailable());   // every attempt
        Path input = write("in.csv", HEADER,
                FRESH + ",Education,",                                            // line 2: updated
                EDUCATION + ",Education,",                                        // line 3: unchanged
                "not-a-guid,Education,",                                          // line 4: invalid value
                DemoData.GCC_CUSTOMER + ",Education,",                            // line 5: rejected by the rules
                SECOND + ",Education,",                                           // line 6: failed (503)
                FRESH + ",Education,",                                            // line 7: duplicate of line 2
                customer(7) + ",GovernmentCommunityCloud,");                      // line 8: invalid request (no code)
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = run(fake, input, output, 4, Optional.empty(), false);

        List<List<String>> report = report(output);
        assertThat(report).hasSize(7);
        assertThat(report).as("in input order, whatever order the rows finished in")
                .extracting(r -> r.get(0)).containsExactly("2", "3", "4", "5", "6", "7", "8");
        assertThat(dir.resolve("report.csv.rows")).as("the scratch file is removed").doesNotExist();
        assertThat(outcomeOfLine(report, 2)).isEqualTo("updated");
        assertThat(outcomeOfLine(report, 3)).isEqualTo("unchanged");
        assertThat(outcomeOfLine(report, 4)).isEqualTo("invalid");
        assertThat(outcomeOfLine(report, 5)).isEqualTo("rejected");
        assertThat(outcomeOfLine(report, 6)).isEqualTo("failed");
        assertThat(outcomeOfLine(report, 7)).isEqualTo("duplicate");
        assertThat(outcomeOfLine(report, 8)).isEqualTo("invalid");
        assertThat(Files.readAllLines(output).get(0)).isEqualTo("line,customerId,qualification,outcome,detail,correlationId");
        assertThat(ExitCodes.of(summary)).isEqualTo(4);
        assertThat(summary.rows()).isEqualTo(7);
    }

    @Test
    void invalidRowsAndDuplicates_sendNothing() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = write("in.csv", HEADER,
                "{" + FRESH + "},Education,",
                FRESH + ",Charity,",
                FRESH + ",None,",
                FRESH + ",GovernmentCommunityCloud,has space");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = run(fake, input, output, 2, Optional.empty(), false);

        assertThat(report(output)).extracting(r -> r.get(3)).containsOnly("invalid");
        assertThat(fake.callCount()).isZero();
        assertThat(ExitCodes.of(summary)).isEqualTo(3);
    }

    @Test
    void aCustomerListedTwice_isSentOnce() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = write("in.csv", HEADER, FRESH + ",Education,", FRESH.toUpperCase() + ",Education,");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = run(fake, input, output, 2, Optional.empty(), false);

        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(outcomeOfLine(report(output), 3)).isEqualTo("duplicate");
        assertThat(rowOfLine(report(output), 3).get(4)).contains("line 2");
        assertThat(ExitCodes.of(summary)).isZero();
    }

    @Test
    void dryRun_reportsWhatWouldBeSent_andSendsNothing() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = write("in.csv", HEADER, FRESH + ",GovernmentCommunityCloud,A&B=1", SECOND + ",StateOwnedEntity,");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = run(fake, input, output, 2, Optional.empty(), true);

        List<List<String>> report = report(output);
        assertThat(outcomeOfLine(report, 2)).isEqualTo("would-send");
        assertThat(rowOfLine(report, 2).get(4))
                .isEqualTo("PUT /v1/customers/" + FRESH + "/qualification?code=A%26B%3D1 \"GovernmentCommunityCloud\"");
        assertThat(outcomeOfLine(report, 3)).isEqualTo("invalid");
        assertThat(fake.callCount()).isZero();
        assertThat(ExitCodes.of(summary)).isEqualTo(3);
    }

    @Test
    void aByteOrderMarkBeforeTheHeader_asExcelWritesIt_isSkipped() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = write("in.csv", "\uFEFF" + HEADER, FRESH + ",Education,");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = run(fake, input, output, 1, Optional.empty(), false);

        assertThat(outcomeOfLine(report(output), 2)).isEqualTo("updated");
        assertThat(ExitCodes.of(summary)).isZero();
    }

    @Test
    void aHeaderWithoutTheRequiredColumns_isRefusedBeforeAnythingIsSent() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = write("in.csv", "customer,qualification", FRESH + ",Education");

        assertThatThrownBy(() -> run(fake, input, dir.resolve("report.csv"), 2, Optional.empty(), false))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("missing: customerId, validationCode");
        assertThat(fake.callCount()).isZero();
        assertThat(dir.resolve("report.csv")).doesNotExist();
    }

    @Test
    void aFileThatIsNotValidCsv_isRefusedBeforeAnythingIsSent() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = write("in.csv", HEADER, FRESH + ",Education,", "\"" + SECOND + ",Education,");

        assertThatThrownBy(() -> run(fake, input, dir.resolve("report.csv"), 2, Optional.empty(), false))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("is not a readable CSV file");
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void aResumedRun_skipsJournaledRows_redoesTheRest_andReportsEveryRowOnce() throws Exception {
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter();
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 20; i++) {
            fake.addCustomer(CustomerId.parse(customer(i)));
            lines.add(customer(i) + ",Education,");
        }
        Path input = write("in.csv", lines.toArray(String[]::new));
        Path journal = dir.resolve("journal.csv");
        Path output = dir.resolve("report.csv");
        // A first run that "crashed": the journal holds lines 2..8 and a torn, half-written line.
        String hash = com.google.common.io.MoreFiles.asByteSource(input)
                .hash(com.google.common.hash.Hashing.sha256()).toString();
        StringBuilder crashed = new StringBuilder("# " + Journal.comment(hash, Files.size(input), BulkJob.Options.EMBEDDED_FAKE, ApiMode.SYNCHRONOUS) + "\n")
                .append("line,customerId,qualification,outcome,detail,correlationId\n");
        for (int line = 2; line <= 8; line++) {
            crashed.append(line).append(',').append(customer(line - 2)).append(",Education,updated,Education,")
                    .append(UUID.randomUUID()).append('\n');
        }
        crashed.append("9,").append(customer(7)).append(",Educ");
        Files.writeString(journal, crashed);

        BulkJob.Summary summary = run(fake, input, output, 4, Optional.of(journal), false);

        assertThat(fake.callCount()).isEqualTo(13);
        List<List<String>> report = report(output);
        assertThat(report).hasSize(20);
        assertThat(report).extracting(r -> Integer.parseInt(r.get(0))).isSorted().doesNotHaveDuplicates();
        assertThat(report).extracting(r -> r.get(3)).containsOnly("updated");
        assertThat(summary.resumed()).isEqualTo(7);
        assertThat(ExitCodes.of(summary)).isZero();
    }

    @Test
    void aRerun_triesFailedRowsAgain_andTheReportKeepsOnlyTheLastOutcome() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        fake.failFor(DemoData.SECOND_FRESH_CUSTOMER, ATTEMPTS, Fault.unavailable());   // every attempt
        Path input = write("in.csv", HEADER, FRESH + ",Education,", SECOND + ",Education,");
        Path journal = dir.resolve("journal.csv");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary first = run(fake, input, output, 2, Optional.of(journal), false);
        BulkJob.Summary second = run(fake, input, output, 2, Optional.of(journal), false);

        assertThat(ExitCodes.of(first)).isEqualTo(4);
        assertThat(ExitCodes.of(second)).isZero();
        assertThat(second.resumed()).isEqualTo(1);
        List<List<String>> report = report(output);
        assertThat(report).hasSize(2);
        assertThat(outcomeOfLine(report, 3)).isEqualTo("updated");
    }

    @Test
    void aJournalOfAnotherInput_isRefused() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path journal = dir.resolve("journal.csv");
        run(fake, write("a.csv", HEADER, FRESH + ",Education,"), dir.resolve("a-report.csv"), 1, Optional.of(journal), false);
        Path other = write("b.csv", HEADER, SECOND + ",Education,");

        assertThatThrownBy(() -> run(fake, other, dir.resolve("b-report.csv"), 1, Optional.of(journal), false))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("written for a different input file");
    }

    @Test
    void concurrency_isBoundedByTheOption() throws Exception {
        int concurrency = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch allBusy = new CountDownLatch(concurrency);
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter();
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 30; i++) {
            fake.addCustomer(CustomerId.parse(customer(i)));
            lines.add(customer(i) + ",Education,");
        }
        PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build();
        UpdateQualificationUseCase counting = request -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allBusy.countDown();
            try {
                allBusy.await(5, TimeUnit.SECONDS);
                return pc.update(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = new BulkJob(counting, new BulkJob.Options(write("in.csv", lines.toArray(String[]::new)),
                output, concurrency, Optional.empty(), false, ApiMode.SYNCHRONOUS), System::nanoTime).run();

        assertThat(maxInFlight.get()).isEqualTo(concurrency);
        assertThat(summary.count(RowOutcome.UPDATED)).isEqualTo(30);
    }

    @Test
    void aThrottledRow_waitsOutItsRetryAfter_andIsRetried() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        fake.failFor(DemoData.FRESH_CUSTOMER, 1, Fault.throttled(java.time.Duration.ofSeconds(57)));
        List<java.time.Duration> rowWaits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path input = write("in.csv", HEADER, FRESH + ",Education,", SECOND + ",Education,");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).sleeper(rowWaits::add)
                .build()) {
            summary = new BulkJob(pc, new BulkJob.Options(input, output, 1, Optional.empty(), false, ApiMode.SYNCHRONOUS),
                    System::nanoTime).run();
        }

        assertThat(outcomeOfLine(report(output), 2)).isEqualTo("updated");
        assertThat(outcomeOfLine(report(output), 3)).isEqualTo("updated");
        assertThat(rowWaits).containsExactly(java.time.Duration.ofSeconds(57));
        assertThat(ExitCodes.of(summary)).isZero();
    }

    @Test
    void aRowThrottledPastItsDeadline_fails_andTheSharedThrottlePausesTheNextRow() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        fake.failFor(DemoData.FRESH_CUSTOMER, ATTEMPTS, Fault.throttled(java.time.Duration.ofSeconds(57)));
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        List<java.time.Duration> gateWaits = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<java.time.Duration> rowWaits = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.github.pcqualification.app.SharedThrottle throttle = new io.github.pcqualification.app.SharedThrottle(0,
                clock::get, d -> {
                    gateWaits.add(d);
                    clock.addAndGet(d.toNanos());
                });
        java.time.Clock virtual = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.EPOCH.plusNanos(clock.get());
            }
        };
        Path input = write("in.csv", HEADER, FRESH + ",Education,", SECOND + ",Education,");
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).requestGate(throttle)
                .clock(virtual).sleeper(d -> {
                    rowWaits.add(d);
                    clock.addAndGet(d.toNanos());
                }).build()) {
            summary = new BulkJob(pc, new BulkJob.Options(input, output, 1, Optional.empty(), false, ApiMode.SYNCHRONOUS),
                    System::nanoTime).run();
        }

        // 57 s, 57 s, then a third 57 s would pass the 2-minute deadline: the row fails carrying the Retry-After
        assertThat(rowWaits).containsExactly(java.time.Duration.ofSeconds(57), java.time.Duration.ofSeconds(57));
        assertThat(outcomeOfLine(report(output), 2)).isEqualTo("failed");
        assertThat(rowOfLine(report(output), 2).get(4)).contains("throttled").contains("3 attempts")
                .contains("retry after 57s");
        assertThat(outcomeOfLine(report(output), 3)).isEqualTo("updated");
        assertThat(gateWaits).as("the next row, another customer, waited out the last pause").containsExactly(
                java.time.Duration.ofSeconds(57));
        assertThat(throttle.pauses()).isEqualTo(3);
        assertThat(ExitCodes.of(summary)).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void anExceptionFromTheUseCase_becomesAFailedRow_notALostOne() throws Exception {
        UpdateQualificationUseCase broken = request -> {
            throw new IllegalStateException("disk on fire");
        };
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary = new BulkJob(broken, new BulkJob.Options(write("in.csv", HEADER, FRESH + ",Education,"),
                output, 1, Optional.empty(), false, ApiMode.SYNCHRONOUS), System::nanoTime).run();

        assertThat(report(output)).singleElement().satisfies(r -> {
            assertThat(r.get(3)).isEqualTo("failed");
            assertThat(r.get(4)).contains("disk on fire");
        });
        assertThat(ExitCodes.of(summary)).isEqualTo(4);
    }

    @Test
    void summaryExitCodes_followTheWorstOutcome() {
        java.time.Duration t = java.time.Duration.ofSeconds(1);

        assertThat(ExitCodes.of(new BulkJob.Summary(2, java.util.Map.of(RowOutcome.UPDATED, 1L, RowOutcome.DUPLICATE, 1L), 0, t, Optional.empty()))).isZero();
        assertThat(ExitCodes.of(new BulkJob.Summary(2, java.util.Map.of(RowOutcome.UPDATED, 1L, RowOutcome.REJECTED, 1L), 0, t, Optional.empty()))).isEqualTo(3);
        assertThat(ExitCodes.of(new BulkJob.Summary(2, java.util.Map.of(RowOutcome.INVALID, 1L, RowOutcome.FAILED, 1L), 0, t, Optional.empty()))).isEqualTo(4);
        AuthenticationFailed stop = new AuthenticationFailed(CredentialProblem.of(CredentialProblem.Reason.INVALID_GRANT,
                "the refresh token was refused"), 0, OperationContext.newOperation());
        assertThat(ExitCodes.of(new BulkJob.Summary(2, java.util.Map.of(RowOutcome.FAILED, 2L), 0, t, Optional.of(stop))))
                .as("an authentication failure has its own exit code, and wins").isEqualTo(5);
    }

    @Test
    void anAuthenticationFailure_stopsSending_leavesEveryLaterRowFailed_andARerunSendsOnlyThose() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        List<String> lines = new java.util.ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 20; i++) {
            lines.add(customer(i) + ",Education,");
            fake.addCustomer(CustomerId.parse(customer(i)));
        }
        fake.failFor(CustomerId.parse(customer(5)), 1, Fault.unauthorized());
        Path input = write("in.csv", lines.toArray(String[]::new));
        Path output = dir.resolve("report.csv");
        Path journal = dir.resolve("bulk.journal");

        BulkJob.Summary first = run(fake, input, output, 1, Optional.of(journal), false);

        List<List<String>> report = report(output);
        assertThat(report).hasSize(20);
        assertThat(report.subList(0, 5)).extracting(r -> r.get(3)).containsOnly("updated");
        assertThat(rowOfLine(report, 7).get(3)).isEqualTo("failed");
        assertThat(rowOfLine(report, 7).get(4)).startsWith("authentication failed: Partner Center refused the access token")
                .contains("HTTP 401").endsWith("the job stopped sending");
        assertThat(report.subList(6, 20)).extracting(r -> r.get(3)).containsOnly("failed");
        assertThat(report.subList(6, 20)).extracting(r -> r.get(4)).allMatch(d -> d.startsWith("not sent: authentication"));
        assertThat(fake.callCount()).as("nothing sent after the failure").isEqualTo(6);
        assertThat(first.stoppedBy()).isPresent();
        assertThat(ExitCodes.of(first)).isEqualTo(5);

        BulkJob.Summary rerun = run(fake, input, output, 4, Optional.of(journal), false);

        assertThat(report(output)).extracting(r -> r.get(3)).containsOnly("updated");
        assertThat(fake.callCount() - 6).as("the rerun sends only the 15 rows that did not finish").isEqualTo(15);
        assertThat(ExitCodes.of(rerun)).isZero();
        assertThat(rerun.resumed()).isEqualTo(5);
    }
}
