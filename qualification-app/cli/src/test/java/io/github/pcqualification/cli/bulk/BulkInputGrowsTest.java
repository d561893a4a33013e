package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rows appended to the input while a run sends: left for the next run, which sends and reports them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkInputGrowsTest {

    @TempDir
    Path dir;

    private Path input;
    private Path journal;
    private Path output;

    private static String customer(int i) {
        return new UUID(0x1234_5678_0000_4000L, 0x8000_0000_0000_0000L | i).toString();
    }

    @BeforeEach
    void writeInput() throws Exception {
        input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", customer(1) + ",Education,",
                customer(2) + ",Education,", customer(3) + ",Education,"), StandardCharsets.UTF_8);
        journal = dir.resolve("bulk.journal");
        output = dir.resolve("report.csv");
    }

    private static InMemoryPartnerCenter fake() {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        for (int i = 1; i <= 5; i++) {
            fake.addCustomer(io.github.pcqualification.domain.model.CustomerId.parse(customer(i)));
        }
        return fake;
    }

    /** A run whose first request appends two rows to the input, as a second program writing the file would. */
    private BulkJob.Summary runAppendingDuringTheRun(InMemoryPartnerCenter fake, Optional<Path> journal) throws Exception {
        AtomicBoolean appended = new AtomicBoolean();
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build()) {
            UpdateQualificationUseCase appending = request -> {
                if (appended.compareAndSet(false, true)) {
                    try {
                        Files.writeString(input, customer(4) + ",Education,\n" + customer(5) + ",Education,\n",
                                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return pc.update(request);
            };
            return new BulkJob(appending, new BulkJob.Options(input, output, 1, journal, false, ApiMode.SYNCHRONOUS),
                    System::nanoTime).run();
        }
    }

    private BulkJob.Summary rerun(InMemoryPartnerCenter fake) throws Exception {
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build()) {
            return new BulkJob(pc, new BulkJob.Options(input, output, 1, Optional.of(journal), false, ApiMode.SYNCHRONOUS),
                    System::nanoTime).run();
        }
    }

    @Test
    void rowsAppendedDuringARun_areNeitherSentNorReported_byThatRun() throws Exception {
        InMemoryPartnerCenter fake = fake();

        BulkJob.Summary summary = runAppendingDuringTheRun(fake, Optional.empty());

        assertThat(summary.rows()).isEqualTo(3);
        assertThat(fake.callCount()).as("every request sent is in the report").isEqualTo(3);
        assertThat(Files.readAllLines(output)).hasSize(4);
    }

    @Test
    void theRerun_withTheJournal_sendsAndReportsTheAppendedRows() throws Exception {
        InMemoryPartnerCenter fake = fake();
        runAppendingDuringTheRun(fake, Optional.of(journal));

        BulkJob.Summary again = rerun(fake);

        assertThat(again.rows()).isEqualTo(5);
        assertThat(again.resumed()).isEqualTo(3);
        assertThat(again.count(RowOutcome.UPDATED)).isEqualTo(5);
        assertThat(fake.callCount()).isEqualTo(5);
        assertThat(Files.readAllLines(output)).hasSize(6);
        assertThat(rerun(fake).resumed()).as("and a third run finds everything done").isEqualTo(5);
    }

    @Test
    void anInputChangedWithinTheJournaledPart_isStillRefused() throws Exception {
        InMemoryPartnerCenter fake = fake();
        runAppendingDuringTheRun(fake, Optional.of(journal));
        String text = Files.readString(input);
        Files.writeString(input, text.replace(customer(2) + ",Education,", customer(2) + ",Education,X"));

        assertThatThrownBy(() -> rerun(fake)).isInstanceOf(BulkInputException.class)
                .hasMessageContaining("different input file");
    }

    @Test
    void anInputEditedAfterTheSecondRunCoveredTheAppendedRows_isRefused() throws Exception {
        InMemoryPartnerCenter fake = fake();
        runAppendingDuringTheRun(fake, Optional.of(journal));
        rerun(fake);
        String text = Files.readString(input);
        Files.writeString(input, text.replace(customer(5) + ",Education,", customer(5) + ",Education,X"));

        assertThatThrownBy(() -> rerun(fake)).isInstanceOf(BulkInputException.class)
                .hasMessageContaining("different input file");
    }
}
