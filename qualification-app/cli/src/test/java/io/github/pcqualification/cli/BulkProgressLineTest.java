package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.app.bulk.BulkProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk command's live progress line, from the library's progress figures. */
class BulkProgressLineTest {

    @TempDir
    Path dir;

    @Test
    void onATerminal_theBulkCommandShowsTheLibrarysProgress_thenClearsTheLine() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "customerId,qualification,validationCode\n"
                + DemoData.FRESH_CUSTOMER + ",Education,\n" + "not-a-guid,Education,\n" + DemoData.FRESH_CUSTOMER
                + ",Education,\n");

        BulkCommandInProcessTest.Result result = BulkCommandInProcessTest.run(Map.of(), true, "bulk", "--input",
                in.toString(), "--output", dir.resolve("report.csv").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.err()).startsWith("\r\033[K").contains("\r\033[K3/3 rows (100%), ")
                .contains(", 1 errors (1 final, 0 transient), elapsed 0m0")
                .contains("\r\033[Kbulk: 3 rows in ");
    }

    @Test
    void theLine_showsTheShareTheRateTheErrorsTheTimeSoFarAndLeft() {
        BulkProgress p = new BulkProgress(300, 100, OptionalLong.of(1000), Duration.ofSeconds(60), 4, 6, Duration.ZERO,
                Duration.ZERO);

        assertThat(BulkCommand.progressLine(p)).isEqualTo(
                "400/1000 rows (40%), 5 rows/s, 10 errors (4 final, 6 transient), elapsed 1m00s, ETA 2m00s");
    }

    @Test
    void whileARetryAfterHoldsTheJob_theLineSaysHowLong_andTheThrottledTime() {
        BulkProgress p = new BulkProgress(0, 0, OptionalLong.of(10), Duration.ofSeconds(3), 0, 0,
                Duration.ofSeconds(90), Duration.ofMillis(41_200));

        assertThat(BulkCommand.progressLine(p)).isEqualTo(
                "0/10 rows (0%), 0 rows/s, 0 errors, elapsed 0m03s, ETA ?, throttled 1m30s, waiting 42s for Retry-After");
    }

    @Test
    void withoutATotal_theShareIsLeftOut() {
        BulkProgress p = new BulkProgress(7, 0, OptionalLong.empty(), Duration.ofHours(2), 0, 0, Duration.ZERO,
                Duration.ZERO);

        assertThat(BulkCommand.progressLine(p)).isEqualTo("7/? rows, 0 rows/s, 0 errors, elapsed 2h00m, ETA ?");
    }
}
