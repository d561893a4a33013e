package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.ApiMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A {@code 429} whose {@code Retry-After} no row could wait out, in a bulk run sharing one throttle. */
@Timeout(30)
class BulkThrottleTest {

    @TempDir
    Path dir;

    @Test
    void aRetryAfterOfThreeYears_failsTheRowAtOnce_andPausesNoOtherWorker() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        fake.failFor(DemoData.FRESH_CUSTOMER, 1, Fault.throttled(Duration.ofSeconds(99_999_999)));
        AtomicLong now = new AtomicLong();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        SharedThrottle throttle = new SharedThrottle(0, now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        });
        Path input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,",
                DemoData.SECOND_FRESH_CUSTOMER + ",Education,"), StandardCharsets.UTF_8);
        Path output = dir.resolve("report.csv");

        BulkJob.Summary summary;
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).requestGate(throttle)
                .build()) {
            summary = new BulkJob(pc, new BulkJob.Options(input, output, 1, Optional.empty(), false,
                    ApiMode.SYNCHRONOUS), now::get).run();
        }

        assertThat(sleeps).as("nobody waits three years").isEmpty();
        assertThat(summary.count(RowOutcome.FAILED)).isEqualTo(1);
        assertThat(summary.count(RowOutcome.UPDATED)).isEqualTo(1);
        assertThat(Files.readAllLines(output).get(1)).contains("failed").contains("retry after 99999999s");
        assertThat(throttle.pauses()).isEqualTo(1);
    }
}
