package io.github.pcqualification.cli.bulk;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes the final report in input order from the rows a run wrote as they finished (the journal, or
 * a scratch file), keeping the last entry of each line. Two passes over the file: the first notes
 * where each line's last entry starts (8 bytes per input row), the second reads them in line order.
 */
final class ReportAssembler {

    private ReportAssembler() {}

    /**
     * Writes {@code report} (header, then one row per input line 2..rows+1) and returns the count of
     * each outcome.
     *
     * @throws IllegalStateException if an input line has no entry (a bug: every row is reported)
     */
    static Map<RowOutcome, Long> assemble(Path entries, Path report, long rows) throws IOException {
        return assemble(entries, report, rows, Long.MAX_VALUE);
    }

    /** As above, on a disk with room for {@code room} bytes in the report. */
    static Map<RowOutcome, Long> assemble(Path entries, Path report, long rows, long room) throws IOException {
        long[] starts = lastEntryStarts(entries, rows);
        Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
        try (FileChannel in = FileChannel.open(entries, StandardOpenOption.READ);
                RowLog out = RowLog.create(report, false, Optional.empty(), room)) {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            for (int line = 2; line < starts.length; line++) {
                if (starts[line] == 0) {
                    throw new IllegalStateException("no report row for input line " + line);
                }
                ReportRow row = parse(readLine(in, starts[line] - 1, buffer), line);
                try {
                    out.append(row);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                counts.merge(row.outcome(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** For each line number, 1 + the byte offset of its last entry (0: none). Header and comments are skipped. */
    private static long[] lastEntryStarts(Path entries, long rows) throws IOException {
        long[] starts = new long[(int) rows + 2];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(entries), 1 << 16)) {
            long position = 0;
            long lineStart = 0;
            long number = 0;
            boolean digits = true;
            boolean sawDigit = false;
            boolean decided = false;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    lineStart = position + 1;
                    number = 0;
                    digits = true;
                    sawDigit = false;
                    decided = false;
                } else if (!decided) {
                    if (b >= '0' && b <= '9' && digits && number < Integer.MAX_VALUE) {
                        number = number * 10 + (b - '0');
                        sawDigit = true;
                    } else {
                        decided = true;
                        if (b == ',' && sawDigit && number >= 2 && number < starts.length) {
                            starts[(int) number] = lineStart + 1;
                        }
                    }
                }
                position++;
            }
        }
        return starts;
    }

    /** The bytes from {@code offset} to the next line break, as text. */
    private static String readLine(FileChannel in, long offset, ByteBuffer buffer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        long position = offset;
        int read;
        while ((read = in.read(buffer.clear(), position)) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return bytes.toString(StandardCharsets.UTF_8);
                }
                bytes.write(b);
            }
            position += read;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ReportRow parse(String text, int line) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, RowLog.FORMAT)) {
            CSVRecord record = parser.iterator().next();
            return new ReportRow(line, record.get(1), record.get(2),
                    RowOutcome.fromText(record.get(3)).orElseThrow(
                            () -> new IllegalStateException("line " + line + " has an unknown outcome")),
                    record.get(4), record.get(5));
        }
    }
}
