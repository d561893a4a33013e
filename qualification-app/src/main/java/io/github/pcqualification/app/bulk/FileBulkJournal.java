package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link BulkJournal} in a file: one line per finished row ({@code position kind done|retry}), appended and forced
 * to disk before {@link #record} returns. Rows finishing together share one {@code fsync} (group commit), so
 * durability costs one disk flush per batch, not per row. After a crash or {@code kill -9}, a rerun skips every row
 * recorded {@code done} and redoes at most the rows that were in flight; a last line torn by the crash (or a full
 * disk) is cut off when the file is opened again. The last line of a position wins, so a row that ended
 * {@code retry} and then {@code done} is done.
 *
 * <p>The file does not say which source its positions belong to: give each source its own journal. Positions up to
 * {@code 2^31 - 2}. Thread-safe.
 */
public final class FileBulkJournal implements BulkJournal, Closeable {

    /** The first line of every journal file. */
    static final String HEAD = "# io.github.pcqualification bulk journal 1";
    private static final Pattern ROW = Pattern.compile("([1-9][0-9]{0,9}) ([a-z-]{1,32}) (done|retry)");
    private static final long MAX_POSITION = Integer.MAX_VALUE - 1L;

    private final AppendOnlyFile lines;
    private final BitSet done;

    private FileBulkJournal(AppendOnlyFile lines, BitSet done) {
        this.lines = lines;
        this.done = done;
    }

    /**
     * Opens a journal, creating it if it does not exist (or is empty), and reads which positions it holds as done.
     *
     * @param file the journal's file
     * @return the journal; close it after the run
     * @throws IOException if the file cannot be read or written, or is not a journal (a damaged line is named)
     */
    public static FileBulkJournal open(Path file) throws IOException {
        checkNotNull(file, "file");
        long complete = Files.exists(file) ? AppendOnlyFile.wholeLinesLength(file) : 0;
        BitSet done = new BitSet();
        if (complete == 0) {
            return new FileBulkJournal(AppendOnlyFile.create(file, HEAD + "\n", AppendOnlyFile.NO_LIMIT), done);
        }
        read(file, complete, done);
        return new FileBulkJournal(AppendOnlyFile.reopen(file, AppendOnlyFile.NO_LIMIT), done);
    }

    private static void read(Path file, long complete, BitSet done) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, complete, file, done);
        }
    }

    private static void read(BufferedReader reader, long complete, Path file, BitSet done) throws IOException {
        long read = 0;
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            read += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (read > complete) {
                break;
            }
            if (number == 1) {
                if (!line.equals(HEAD)) {
                    throw new IOException(file + " is not a bulk journal (its first line is not \"" + HEAD + "\")");
                }
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches() || Long.parseLong(m.group(1)) > MAX_POSITION) {
                throw new IOException(file + ", line " + number + ": not a journal row (position kind done|retry);"
                        + " the journal is damaged: give a new journal file");
            }
            done.set(Integer.parseInt(m.group(1)), m.group(3).equals("done"));
        }
    }

    @Override
    public boolean isDone(long position) {
        return position >= 1 && position <= MAX_POSITION && done.get((int) position);
    }

    /**
     * How many positions the file held as done when it was opened.
     *
     * @return the rows a run with this journal skips
     */
    public long doneCount() {
        return done.cardinality();
    }

    /**
     * Appends the row's line and returns once it is on disk.
     *
     * @param result how the row ended
     * @throws UncheckedIOException if it cannot be written or forced to disk (then every later call fails too)
     * @throws IllegalArgumentException if the position is above {@code 2^31 - 2}
     */
    @Override
    public void record(BulkResult<?> result) {
        checkNotNull(result, "result");
        checkArgument(result.position() <= MAX_POSITION, "a file journal takes positions up to %s, got %s",
                MAX_POSITION, result.position());
        lines.appendDurably(result.position() + " " + kind(result) + " " + (result.isFinal() ? "done" : "retry") + "\n");
    }

    /** The kind of a result as a journal line names it. */
    static String kind(BulkResult<?> result) {
        return result.foldResult(
                sent -> sent.outcome().foldUpdate(updated -> "updated", unchanged -> "unchanged",
                        failure -> failure.foldFailure(invalid -> "invalid-request", rejected -> "rejected",
                                notFound -> "not-found", unavailable -> "unavailable",
                                authentication -> "authentication-failed")),
                invalid -> "invalid", duplicate -> "duplicate", notSent -> "not-sent", wouldSend -> "would-send",
                crashed -> "crashed");
    }

    /**
     * Forces what was written to disk and closes the file.
     *
     * @throws IOException if that fails
     */
    @Override
    public void close() throws IOException {
        lines.close();
    }
}
