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
    private final boolean durable;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long written;
    private long forced;

    private RowLog(FileChannel channel, boolean durable) {
        this.channel = channel;
        this.durable = durable;
    }

    /** Creates (or replaces) {@code file} and writes the optional comment line and the header. */
    static RowLog create(Path file, boolean durable, Optional<String> comment) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        RowLog log = new RowLog(channel, durable);
        StringBuilder head = new StringBuilder();
        comment.ifPresent(c -> head.append("# ").append(c).append('\n'));
        head.append(FORMAT.format(ReportRow.HEADER.toArray())).append('\n');
        log.write(head.toString());
        log.force();
        return log;
    }

    /** Opens an existing file to append to, after cutting off a last line torn by a crash. */
    static RowLog reopen(Path file, boolean durable) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.truncate(endOfLastCompleteLine(channel));
        channel.position(channel.size());
        return new RowLog(channel, durable);
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
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report/journal: " + e.getMessage(), e);
        }
    }

    private void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the journal to disk: " + e.getMessage(), e);
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
