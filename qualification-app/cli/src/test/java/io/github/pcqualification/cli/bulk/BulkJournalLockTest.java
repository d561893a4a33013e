package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.cli.ExitCodes;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two bulk runs on one journal: the second is refused before it sends anything; the first does not notice. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BulkJournalLockTest {

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Path input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,",
                DemoData.SECOND_FRESH_CUSTOMER + ",Education,"), StandardCharsets.UTF_8);
        return input;
    }

    private static BulkJob job(UpdateQualificationUseCase useCase, Path input, Path output, Path journal) {
        return new BulkJob(useCase, new BulkJob.Options(input, output, 1, Optional.of(journal), false,
                ApiMode.SYNCHRONOUS), System::nanoTime);
    }

    @Test
    void aSecondRunOnTheSameJournal_isRefusedAtOnce_andTheFirstFinishesUntouched() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = input();
        Path journal = dir.resolve("bulk.journal");
        CountDownLatch firstIsSending = new CountDownLatch(1);
        CountDownLatch letFirstGo = new CountDownLatch(1);
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build()) {
            UpdateQualificationUseCase slow = request -> {
                firstIsSending.countDown();
                try {
                    letFirstGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return pc.update(request);
            };
            CompletableFuture<BulkJob.Summary> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return job(slow, input, dir.resolve("first.csv"), journal).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(firstIsSending.await(30, TimeUnit.SECONDS)).isTrue();
            long callsBefore = fake.callCount();

            assertThatThrownBy(() -> job(pc, input, dir.resolve("second.csv"), journal).run())
                    .isInstanceOf(BulkInputException.class)
                    .hasMessageContaining("in use by another bulk run");

            assertThat(fake.callCount()).as("the second run sent nothing").isEqualTo(callsBefore);
            assertThat(dir.resolve("second.csv")).doesNotExist();
            letFirstGo.countDown();
            BulkJob.Summary summary = first.get(30, TimeUnit.SECONDS);
            assertThat(ExitCodes.of(summary)).isZero();
            assertThat(summary.count(RowOutcome.UPDATED)).isEqualTo(2);
        }
    }

    @Test
    void aRunAfterTheFirstEnded_mayUseTheJournal() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        Path input = input();
        Path journal = dir.resolve("bulk.journal");
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build()) {
            job(pc, input, dir.resolve("first.csv"), journal).run();

            BulkJob.Summary again = job(pc, input, dir.resolve("second.csv"), journal).run();

            assertThat(again.resumed()).isEqualTo(2);
        }
    }

    @Test
    void aRunInAnotherProcess_isRefusedWithExit2() throws Exception {
        Path input = input();
        Path journal = dir.resolve("bulk.journal");
        Path output = dir.resolve("report.csv");
        try (JournalLock held = JournalLock.acquire(journal)) {
            Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "io.github.pcqualification.cli.QualificationCli", "bulk", "--input", input.toString(), "--output",
                    output.toString(), "--journal", journal.toString())
                    .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile())
                    .start();
            try {
                assertThat(child.waitFor(40, TimeUnit.SECONDS)).as("the child ended").isTrue();
            } finally {
                child.destroyForcibly();
            }

            String err = Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as("stderr: %s", err).isEqualTo(2);
            assertThat(err).contains("in use by another bulk run").contains("nothing was sent");
            assertThat(output).doesNotExist();
            assertThat(journal).doesNotExist();
        }
    }
}
