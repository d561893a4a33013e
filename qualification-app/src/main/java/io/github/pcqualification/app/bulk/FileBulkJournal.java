package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    private final FileChannel channel;
    private final Path file;
    private final BitSet done;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long written;
    private long forced;
    /** Set by the first failed write: nothing is written after it, so at most the last line is torn. */
    private IOException broken;

    private FileBulkJournal(FileChannel channel, Path file, BitSet done) {
        this.channel = channel;
        this.file = file;
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
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long complete = endOfLastCompleteLine(channel);
            BitSet done = new BitSet();
            if (complete == 0) {
                channel.truncate(0);
                channel.write(StandardCharsets.UTF_8.encode(HEAD + "\n"), 0);
                channel.force(false);
            } else {
                read(channel, complete, file, done);
                channel.truncate(complete);
            }
            channel.position(channel.size());
            return new FileBulkJournal(channel, file, done);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void read(FileChannel channel, long complete, Path file, BitSet done) throws IOException {
        channel.position(0);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8));
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
        String line = result.position() + " " + kind(result) + " " + (result.isFinal() ? "done" : "retry") + "\n";
        long mine;
        synchronized (writeLock) {
            write(line);
            mine = ++written;
        }
        synchronized (forceLock) {
            if (forced < mine) {
                long upTo;
                synchronized (writeLock) {
                    upTo = written;
                }
                force();
                forced = upTo;
            }
        }
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
        synchronized (writeLock) {
            if (channel.isOpen()) {
                try {
                    channel.force(false);
                } finally {
                    channel.close();
                }
            }
        }
    }

    private void write(String text) {
        if (broken != null) {
            throw new UncheckedIOException(broken);
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            broken = new IOException("cannot write " + file + ": " + e.getMessage(), e);
            throw new UncheckedIOException(broken);
        }
    }

    private void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            synchronized (writeLock) {
                broken = new IOException("cannot write " + file + " to disk: " + e.getMessage(), e);
            }
            throw new UncheckedIOException(broken);
        }
    }

    private static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = channel.size() - 1; p >= 0; p--) {
            one.clear();
            channel.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }
}
