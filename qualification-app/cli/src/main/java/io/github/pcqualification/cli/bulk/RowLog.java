package io.github.pcqualification.cli.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/**
 * An append-only CSV file of report rows, written by many workers. In durable mode every
 * {@link #append} returns only once its row is on disk ({@code fsync}); concurrent appends share one
 * {@code fsync} (group commit), so durability costs one disk flush per batch, not per row.
 */
final class RowLog implements Closeable {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final FileChannel channel;
    private final Path file;
    private final boolean durable;
    /** Bytes this file may still take (tests simulate a full disk with it); {@code Long.MAX_VALUE} is no limit. */
    private long room;
    /** Set by the first failed write: nothing is written after it, so at most the last line is torn. */
    private IOException broken;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long written;
    private long forced;

    private RowLog(FileChannel channel, Path file, boolean durable, long room) {
        this.channel = channel;
        this.file = file;
        this.durable = durable;
        this.room = room;
    }

    /** Creates (or replaces) {@code file} and writes the optional comment line and the header. */
    static RowLog create(Path file, boolean durable, Optional<String> comment) throws IOException {
        return create(file, durable, comment, Long.MAX_VALUE);
    }

    /** As above, on a disk with room for {@code room} bytes in this file. */
    static RowLog create(Path file, boolean durable, Optional<String> comment, long room) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        RowLog log = new RowLog(channel, file, durable, room);
        StringBuilder head = new StringBuilder();
        comment.ifPresent(c -> head.append("# ").append(c).append('\n'));
        head.append(FORMAT.format(ReportRow.HEADER.toArray())).append('\n');
        try {
            log.write(head.toString());
            log.force();
        } catch (UncheckedIOException e) {
            channel.close();
            throw e.getCause();
        }
        return log;
    }

    /** Opens an existing file to append to, after cutting off a last line torn by a crash. */
    static RowLog reopen(Path file, boolean durable, long room) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.truncate(endOfLastCompleteLine(channel));
        channel.position(channel.size());
        return new RowLog(channel, file, durable, room);
    }

    /**
     * Cuts off a last line torn by a crash or a full disk (one without its line break, perhaps inside a
     * quoted field), so the file reads as CSV again. Rows are written one line each, whole or torn at the end.
     */
    static void cutTornTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = endOfLastCompleteLine(channel);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(false);
            }
        }
    }

    void append(ReportRow row) {
        String line = FORMAT.format(row.fields().toArray()) + "\n";
        long mine;
        synchronized (writeLock) {
            write(line);
            mine = ++written;
        }
        if (durable) {
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
    }

    /** Appends a comment line ({@code # text}) and forces it to disk. */
    void appendComment(String text) {
        synchronized (writeLock) {
            write("# " + text + "\n");
            force();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            channel.force(false);
            channel.close();
        }
    }

    private void write(String text) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        if (broken != null) {
            throw new UncheckedIOException(broken);
        }
        try {
            if (bytes.remaining() > room) {
                // A disk with less room than the line: write what fits, as a real full disk does, then fail.
                bytes.limit(bytes.position() + (int) room);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                room = 0;
                throw new IOException("No space left on device");
            }
            room -= room == Long.MAX_VALUE ? 0 : bytes.remaining();
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
            broken = new IOException("cannot write " + file + " to disk: " + e.getMessage(), e);
            throw new UncheckedIOException(broken);
        }
    }

    static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = size - 1; p >= 0; p--) {
            one.clear();
            channel.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }
}
