package io.github.pcqualification.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file under both journals: whole lines, group-committed, a full disk breaks it, a torn tail is cut. */
@Timeout(30)
class AppendOnlyFileTest {

    @TempDir
    Path dir;

    private String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void create_writesTheHead_andReplacesWhatWasThere() throws IOException {
        Path file = dir.resolve("log");
        Files.writeString(file, "old content that must go\n");

        try (AppendOnlyFile log = AppendOnlyFile.create(file, "# head\n", AppendOnlyFile.NO_LIMIT)) {
            assertThat(text(file)).isEqualTo("# head\n");
            log.append("a\n");
            log.appendDurably("b\n");
            log.appendForced("c\n");
        }

        assertThat(text(file)).isEqualTo("# head\na\nb\nc\n");
    }

    @Test
    void reopen_cutsATornLastLine_andAppendsAfterTheWholeOnes() throws IOException {
        Path file = dir.resolve("log");
        Files.writeString(file, "# head\n1 done\n2 torn-by-a-cra");

        assertThat(AppendOnlyFile.wholeLinesLength(file)).isEqualTo("# head\n1 done\n".length());
        try (AppendOnlyFile log = AppendOnlyFile.reopen(file, AppendOnlyFile.NO_LIMIT)) {
            log.appendDurably("2 done\n");
        }

        assertThat(text(file)).isEqualTo("# head\n1 done\n2 done\n");
    }

    @Test
    void cutTornTail_leavesAFileOfWholeLinesAsItIs_andEmptiesOneWithNoLineBreak() throws IOException {
        Path whole = dir.resolve("whole");
        Files.writeString(whole, "a\nb\n");
        Path noBreak = dir.resolve("no-break");
        Files.writeString(noBreak, "half a line");

        AppendOnlyFile.cutTornTail(whole);
        AppendOnlyFile.cutTornTail(noBreak);

        assertThat(text(whole)).isEqualTo("a\nb\n");
        assertThat(text(noBreak)).isEmpty();
        assertThat(AppendOnlyFile.wholeLinesLength(noBreak)).isZero();
    }

    @Test
    void aWritePastTheLimit_writesWhatFits_thenEveryLaterAppendFails() throws IOException {
        Path file = dir.resolve("log");
        AppendOnlyFile log = AppendOnlyFile.create(file, "h\n", 6);
        log.append("ab\n");

        assertThatThrownBy(() -> log.appendDurably("cdef\n")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write " + file).hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> log.append("g\n")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> log.appendForced("")).isInstanceOf(UncheckedIOException.class);
        log.close();
        log.close();

        assertThat(text(file)).as("6 bytes: the head, a line and a torn one").isEqualTo("h\nab\nc");
        try (AppendOnlyFile again = AppendOnlyFile.reopen(file, 2)) {
            again.append("z\n");
            assertThatThrownBy(() -> again.append("y\n")).isInstanceOf(UncheckedIOException.class);
        }
        assertThat(text(file)).isEqualTo("h\nab\nz\n");
    }

    @Test
    void aHeadLongerThanTheLimit_isRefusedAsAFullDisk() {
        Path file = dir.resolve("log");

        assertThatThrownBy(() -> AppendOnlyFile.create(file, "a head too long\n", 4)).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> AppendOnlyFile.create(file, "", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppendOnlyFile.reopen(file, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyThreadsAppendingDurably_loseNoLine_andTearNone() throws Exception {
        Path file = dir.resolve("log");
        int threads = 8;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (AppendOnlyFile log = AppendOnlyFile.create(file, "", AppendOnlyFile.NO_LIMIT)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.appendDurably(thread + " " + i + " " + "x".repeat(i % 50) + "\n");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(threads * each).doesNotHaveDuplicates()
                .allMatch(line -> line.matches("[0-7] [0-9]{1,3} x*"));
    }

    @Test
    void itNamesItsFile() throws IOException {
        Path file = dir.resolve("named");
        try (AppendOnlyFile log = AppendOnlyFile.create(file, "", AppendOnlyFile.NO_LIMIT)) {
            assertThat(log).hasToString("AppendOnlyFile[" + file + "]");
        }
    }
}
