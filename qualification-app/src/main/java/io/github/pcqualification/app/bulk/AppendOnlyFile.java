package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of lines appended by many threads, the storage under {@link FileBulkJournal} and the command-line tool's
 * CSV journal, for a platform that writes a journal in its own format. {@link #appendDurably} returns only once its
 * line is on disk ({@code fsync}), and lines appended together share one {@code fsync} (group commit): durability
 * costs one disk flush per batch, not per line. The first failed write breaks the file: every later append fails the
 * same way, so at most the last line is torn, and {@link #reopen} cuts a torn last line off. Thread-safe.
 */
public final class AppendOnlyFile implements Closeable {

    /** No limit on the bytes written. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private final FileChannel channel;
    private final Path file;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    /** Bytes this file may still take; guarded by {@code writeLock}. */
    private long room;
    /** Lines written and lines known on disk: a flush covers every line written before it began. */
    private long written;
    private long forced;
    /** Set by the first failed write or flush; guarded by {@code writeLock}. */
    private IOException broken;

    private AppendOnlyFile(FileChannel channel, Path file, long room) {
        this.channel = channel;
        this.file = file;
        this.room = room;
    }

    /**
     * Creates the file (or empties it) and writes {@code head} to disk.
     *
     * @param file the file
     * @param head the first lines, each ending in a line break, or empty
     * @param writeLimit the bytes this file may take, head included; a write past it writes what fits and fails as a
     *     full disk does (to test how a full disk is handled); {@link #NO_LIMIT} for none
     * @return the file, open for appending
     * @throws IOException if it cannot be created or written
     */
    public static AppendOnlyFile create(Path file, String head, long writeLimit) throws IOException {
        checkNotNull(file, "file");
        checkNotNull(head, "head");
        checkArgument(writeLimit >= 0, "writeLimit must not be negative, got %s", writeLimit);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        AppendOnlyFile log = new AppendOnlyFile(channel, file, writeLimit);
        try {
            log.appendForced(head);
        } catch (UncheckedIOException e) {
            channel.close();
            throw e.getCause();
        }
        return log;
    }

    /**
     * Opens an existing file to append to, after cutting off a last line torn by a crash or a full disk.
     *
     * @param file the file
     * @param writeLimit the bytes this file may still take (see {@link #create}); {@link #NO_LIMIT} for none
     * @return the file, open for appending at its end
     * @throws IOException if it cannot be opened, read or cut
     */
    public static AppendOnlyFile reopen(Path file, long writeLimit) throws IOException {
        checkNotNull(file, "file");
        checkArgument(writeLimit >= 0, "writeLimit must not be negative, got %s", writeLimit);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            cut(channel);
            channel.position(channel.size());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new AppendOnlyFile(channel, file, writeLimit);
    }

    /**
     * Cuts off a last line torn by a crash or a full disk (one without its line break), so that the file reads as
     * whole lines again; a file that ends in a line break is left as it is.
     *
     * @param file the file
     * @throws IOException if it cannot be read or cut
     */
    public static void cutTornTail(Path file) throws IOException {
        checkNotNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            cut(channel);
        }
    }

    /**
     * The length of the file's whole lines: the position just after its last line break, 0 if it has none.
     *
     * @param file the file
     * @return the bytes before the torn tail, if any
     * @throws IOException if it cannot be read
     */
    public static long wholeLinesLength(Path file) throws IOException {
        checkNotNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return endOfLastCompleteLine(channel);
        }
    }

    /**
     * Appends text (whole lines) without waiting for the disk.
     *
     * @param text one or more lines, each ending in a line break
     * @throws UncheckedIOException if it cannot be written (then every later append fails too)
     */
    public void append(String text) {
        checkNotNull(text, "text");
        synchronized (writeLock) {
            write(text);
            written++;
        }
    }

    /**
     * Appends text and returns once it is on disk; appends from other threads meanwhile share the flush.
     *
     * @param text one or more lines, each ending in a line break
     * @throws UncheckedIOException if it cannot be written or flushed (then every later append fails too)
     */
    public void appendDurably(String text) {
        checkNotNull(text, "text");
        long mine;
        synchronized (writeLock) {
            write(text);
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

    /**
     * Appends text and flushes it to disk before any other line is written (for a line that must not be overtaken,
     * such as a binding written before the rows it covers).
     *
     * @param text one or more lines, each ending in a line break, or empty (then only flushes)
     * @throws UncheckedIOException if it cannot be written or flushed (then every later append fails too)
     */
    public void appendForced(String text) {
        checkNotNull(text, "text");
        synchronized (writeLock) {
            write(text);
            force();
        }
    }

    /**
     * Flushes what was written to disk and closes the file; closing twice does nothing.
     *
     * @throws IOException if the flush or the close fails
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

    /** Names the file. */
    @Override
    public String toString() {
        return "AppendOnlyFile[" + file + "]";
    }

    private void write(String text) {
        if (broken != null) {
            throw new UncheckedIOException(broken);
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        try {
            if (bytes.remaining() > room) {
                // Less room than the text: write what fits, as a full disk does, then fail.
                bytes.limit(bytes.position() + (int) room);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                room = 0;
                throw new IOException("No space left on device");
            }
            room -= room == NO_LIMIT ? 0 : bytes.remaining();
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
                throw new UncheckedIOException(broken);
            }
        }
    }

    private static void cut(FileChannel channel) throws IOException {
        long end = endOfLastCompleteLine(channel);
        if (end < channel.size()) {
            channel.truncate(end);
            channel.force(false);
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
