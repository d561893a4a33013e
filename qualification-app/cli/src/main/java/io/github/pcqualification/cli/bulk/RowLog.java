package io.github.pcqualification.cli.bulk;

import io.github.pcqualification.app.bulk.AppendOnlyFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/**
 * An append-only CSV file of report rows, written by many workers. In durable mode every
 * {@link #append} returns only once its row is on disk ({@code fsync}); concurrent appends share one
 * {@code fsync} (group commit), so durability costs one disk flush per batch, not per row.
 */
final class RowLog implements Closeable {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final AppendOnlyFile lines;
    private final boolean durable;

    private RowLog(AppendOnlyFile lines, boolean durable) {
        this.lines = lines;
        this.durable = durable;
    }

    /** Creates (or replaces) {@code file} and writes the optional comment line and the header. */
    static RowLog create(Path file, boolean durable, Optional<String> comment) throws IOException {
        return create(file, durable, comment, AppendOnlyFile.NO_LIMIT);
    }

    /** As above, on a disk with room for {@code room} bytes in this file. */
    static RowLog create(Path file, boolean durable, Optional<String> comment, long room) throws IOException {
        StringBuilder head = new StringBuilder();
        comment.ifPresent(c -> head.append("# ").append(c).append('\n'));
        head.append(FORMAT.format(ReportRow.HEADER.toArray())).append('\n');
        return new RowLog(AppendOnlyFile.create(file, head.toString(), room), durable);
    }

    /** Opens an existing file to append to, after cutting off a last line torn by a crash. */
    static RowLog reopen(Path file, boolean durable, long room) throws IOException {
        return new RowLog(AppendOnlyFile.reopen(file, room), durable);
    }

    /**
     * Cuts off a last line torn by a crash or a full disk (one without its line break, perhaps inside a
     * quoted field), so the file reads as CSV again. Rows are written one line each, whole or torn at the end.
     */
    static void cutTornTail(Path file) throws IOException {
        AppendOnlyFile.cutTornTail(file);
    }

    void append(ReportRow row) {
        String line = FORMAT.format(row.fields().toArray()) + "\n";
        if (durable) {
            lines.appendDurably(line);
        } else {
            lines.append(line);
        }
    }

    /** Appends a comment line ({@code # text}) and forces it to disk. */
    void appendComment(String text) {
        lines.appendForced("# " + text + "\n");
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
