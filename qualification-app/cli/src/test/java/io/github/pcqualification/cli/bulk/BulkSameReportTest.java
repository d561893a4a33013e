package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two runs without a journal writing the same report: each has its own temporary files; neither breaks. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BulkSameReportTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsWritingOneReport_eachFinish_andTheReportIsWhole() throws Exception {
        Path input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,",
                DemoData.SECOND_FRESH_CUSTOMER + ",Education,"), StandardCharsets.UTF_8);
        Path output = dir.resolve("report.csv");
        CountDownLatch firstIsSending = new CountDownLatch(1);
        CountDownLatch letFirstGo = new CountDownLatch(1);
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                .ports(DemoData.newDemoPartnerCenter()).build()) {
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
                    return new BulkJob(slow, new BulkJob.Options(input, output, 1, Optional.empty(), false,
                            ApiMode.SYNCHRONOUS), System::nanoTime).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(firstIsSending.await(30, TimeUnit.SECONDS)).isTrue();

            BulkJob.Summary second = new BulkJob(pc, new BulkJob.Options(input, output, 1, Optional.empty(), false,
                    ApiMode.SYNCHRONOUS), System::nanoTime).run();
            letFirstGo.countDown();
            BulkJob.Summary firstSummary = first.get(30, TimeUnit.SECONDS);

            assertThat(second.rows()).isEqualTo(2);
            assertThat(firstSummary.rows()).isEqualTo(2);
            assertThat(Files.readAllLines(output)).hasSize(3);
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).as("no temporary file left").containsExactlyInAnyOrder(input, output);
            }
        }
    }
}
