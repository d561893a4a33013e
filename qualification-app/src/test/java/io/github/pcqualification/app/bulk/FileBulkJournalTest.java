package io.github.pcqualification.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.testing.Variants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file journal: what it writes, what it reads back, and what it refuses. */
class FileBulkJournalTest {

    private static final QualificationRequest REQUEST = QualificationRequest.education(
            CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd"));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("bulk.journal");
    }

    private static BulkResult<String> updated(long position) {
        return new BulkResult.Sent<>(position, "k", REQUEST, Variants.updated());
    }

    private static BulkResult<String> unavailable(long position) {
        return new BulkResult.Sent<>(position, "k", REQUEST, Variants.failures().get(3));
    }

    @Test
    void aNewJournal_startsWithItsHead_andHoldsNothing() throws IOException {
        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            assertThat(journal.doneCount()).isZero();
            assertThat(journal.isDone(1)).isFalse();
        }

        assertThat(Files.readString(file())).isEqualTo(FileBulkJournal.HEAD + "\n");
    }

    @Test
    void eachRow_isOneLine_andTheLastLineOfAPositionWins() throws IOException {
        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            journal.record(updated(1));
            journal.record(unavailable(2));
            journal.record(unavailable(3));
            journal.record(updated(3));
            journal.record(updated(4));
            journal.record(unavailable(4));
            assertThat(journal.isDone(1)).as("what a run recorded counts from the next open").isFalse();
        }

        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            assertThat(journal.isDone(1)).isTrue();
            assertThat(journal.isDone(2)).isFalse();
            assertThat(journal.isDone(3)).isTrue();
            assertThat(journal.isDone(4)).isFalse();
            assertThat(journal.isDone(0)).isFalse();
            assertThat(journal.isDone(-1)).isFalse();
            assertThat(journal.isDone(Long.MAX_VALUE)).isFalse();
            assertThat(journal.doneCount()).isEqualTo(2);
        }
        assertThat(Files.readAllLines(file())).containsExactly(FileBulkJournal.HEAD, "1 updated done",
                "2 unavailable retry", "3 unavailable retry", "3 updated done", "4 updated done", "4 unavailable retry");
    }

    @Test
    void everyKindOfResult_hasItsName() {
        List<String> failures = Variants.failures().stream()
                .map(f -> FileBulkJournal.kind(new BulkResult.Sent<>(1, "k", REQUEST, f))).toList();

        assertThat(failures).containsExactly("invalid-request", "rejected", "not-found", "unavailable",
                "authentication-failed");
        assertThat(FileBulkJournal.kind(updated(1))).isEqualTo("updated");
        assertThat(FileBulkJournal.kind(new BulkResult.Sent<>(1, "k", REQUEST, Variants.unchanged())))
                .isEqualTo("unchanged");
        assertThat(FileBulkJournal.kind(new BulkResult.Invalid<>(1, "k", "x"))).isEqualTo("invalid");
        assertThat(FileBulkJournal.kind(new BulkResult.Duplicate<>(2, "k", REQUEST, 1))).isEqualTo("duplicate");
        assertThat(FileBulkJournal.kind(new BulkResult.NotSent<>(1, "k", REQUEST,
                (io.github.pcqualification.domain.outcome.AuthenticationFailed) Variants.failures().get(4))))
                .isEqualTo("not-sent");
        assertThat(FileBulkJournal.kind(new BulkResult.WouldSend<>(1, "k", REQUEST))).isEqualTo("would-send");
        assertThat(FileBulkJournal.kind(new BulkResult.Crashed<>(1, "k", REQUEST, new IllegalStateException())))
                .isEqualTo("crashed");
    }

    @Test
    void aLastLineTornByACrash_isCutOff_andTheJournalGoesOn() throws IOException {
        Files.writeString(file(), FileBulkJournal.HEAD + "\n1 updated done\n2 upd", StandardCharsets.UTF_8);

        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            assertThat(journal.isDone(1)).isTrue();
            assertThat(journal.isDone(2)).isFalse();
            journal.record(updated(2));
        }

        assertThat(Files.readAllLines(file())).containsExactly(FileBulkJournal.HEAD, "1 updated done", "2 updated done");
    }

    @Test
    void aHeadTornByACrash_startsAfresh() throws IOException {
        Files.writeString(file(), "# io.github.pcq", StandardCharsets.UTF_8);

        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            assertThat(journal.doneCount()).isZero();
        }

        assertThat(Files.readString(file())).isEqualTo(FileBulkJournal.HEAD + "\n");
    }

    @Test
    void anotherFile_isRefused_andLeftAsItWas() throws IOException {
        Files.writeString(file(), "customerId,qualification\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FileBulkJournal.open(file())).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a bulk journal");
        assertThat(Files.readString(file())).isEqualTo("customerId,qualification\n");
    }

    @Test
    void aFileOfOneEmptyLine_isNotAJournal() throws IOException {
        Files.writeString(file(), "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FileBulkJournal.open(file())).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a bulk journal");
    }

    @Test
    void aDamagedRow_isRefused_namingItsLine() throws IOException {
        for (String bad : List.of("2 updated maybe", "0 updated done", "x updated done", "2 UPDATED done",
                "2147483647 updated done", "2  updated done")) {
            Files.writeString(file(), FileBulkJournal.HEAD + "\n1 updated done\n" + bad + "\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> FileBulkJournal.open(file())).as(bad).isInstanceOf(IOException.class)
                    .hasMessage(file() + ", line 3: not a journal row (position kind done|retry); the journal is damaged:"
                            + " give a new journal file");
        }
    }

    @Test
    void theHighestPosition_isKept_andOneHigherIsRefused() throws IOException {
        long highest = Integer.MAX_VALUE - 1L;
        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            journal.record(updated(highest));
            assertThatThrownBy(() -> journal.record(updated(highest + 1))).isInstanceOf(IllegalArgumentException.class);
        }

        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            assertThat(journal.isDone(highest)).isTrue();
            assertThat(journal.isDone(highest + 1)).isFalse();
        }
    }

    @Test
    void aClosedJournal_refusesToRecord_andEveryLaterRecordToo() throws IOException {
        FileBulkJournal journal = FileBulkJournal.open(file());
        journal.close();
        journal.close();

        assertThatThrownBy(() -> journal.record(updated(1))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write " + file());
        assertThatThrownBy(() -> journal.record(updated(2))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void rowsRecordedFromManyThreads_areEachOneWholeLine() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            for (int i = 1; i <= 400; i++) {
                long position = i;
                threads.execute(() -> journal.record(updated(position)));
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }

        try (FileBulkJournal journal = FileBulkJournal.open(file())) {
            assertThat(journal.doneCount()).isEqualTo(400);
        }
    }
}
