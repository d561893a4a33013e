package io.github.pcqualification.cli.bulk;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a CSV record longer than a bound, so one huge line (or a quote left open on the
 * first line of a 1 GB file) cannot fill the heap: Commons CSV holds a whole record in memory. Records end
 * at a line break outside double quotes (a doubled quote inside a quoted field toggles twice, so it counts
 * right).
 */
final class BoundedRecordReader extends FilterReader {

    /** Thrown when a record is longer than the bound; names the line it starts on. */
    static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        RecordTooLongException(long line, long limit) {
            super("the record starting on line " + line + " is longer than " + limit + " characters");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final long limit;
    private long line = 1;
    private long recordStartLine = 1;
    private long recordLength;
    private boolean quoted;

    BoundedRecordReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(char c) throws RecordTooLongException {
        if (c == '\n') {
            line++;
        }
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\n' && !quoted) {
            recordLength = 0;
            recordStartLine = line;
            return;
        }
        if (++recordLength > limit) {
            throw new RecordTooLongException(recordStartLine, limit);
        }
    }
}
