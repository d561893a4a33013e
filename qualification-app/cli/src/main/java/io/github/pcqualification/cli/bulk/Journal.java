package io.github.pcqualification.cli.bulk;

import com.google.common.hash.Hashing;
import com.google.common.io.ByteStreams;
import com.google.common.io.MoreFiles;
import io.github.pcqualification.app.bulk.AppendOnlyFile;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Printable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The bulk job's journal: every finished row, appended and forced to disk as it finishes. Its first
 * line names the input (by SHA-256), the service the rows were sent to and the API, so a journal is never
 * applied to another file, another service or the other API. Every row is checked when it is loaded
 * (a line of the input, a known outcome, six fields of bounded size): a damaged or forged journal is
 * refused naming its line, never turned into report rows. The last entry of
 * a line wins; a {@code failed} entry does not count as done, so a rerun tries that row again.
 */
final class Journal {

    private static final String MAGIC = "qualification-bulk-journal input-sha256=";
    private static final CSVFormat READ = RowLog.FORMAT.builder()
            .setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();

    /** The longest field a journal row may have, in characters. */
    static final int MAX_FIELD_CHARS = 1 << 20;

    private Journal() {}

    /**
     * True when {@code journal} records nothing yet: it does not exist, or a crash left it empty or with a torn
     * head (fewer than the two lines {@link RowLog#create} writes at once, and the start of a journal's first
     * line). A run then starts it afresh instead of refusing it.
     */
    static boolean isNew(Path journal) throws BulkInputException {
        if (!Files.exists(journal)) {
            return true;
        }
        String magic = "# " + MAGIC;
        try (InputStream in = Files.newInputStream(journal)) {
            byte[] head = in.readNBytes(8192);
            if (in.read() != -1) {
                return false;
            }
            String text = new String(head, StandardCharsets.UTF_8);
            long lines = text.chars().filter(c -> c == '\n').count();
            return lines < 2 && (magic.startsWith(text) || text.startsWith(magic));
        } catch (IOException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
    }

    /**
     * A binding line's text (after {@code # }): the first line, and one more each time a run covers more of an
     * input that grew. The input is named by the SHA-256 of its first {@code inputBytes} bytes: a run reads only
     * the bytes the input had when it started, and a rerun of an input that was only appended to still applies.
     */
    static String comment(String inputSha256, long inputBytes, String target, ApiMode mode) {
        return MAGIC + inputSha256 + " input-bytes=" + inputBytes + " target=" + target + " api="
                + mode.name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a journal records.
     *
     * @param done the lines done (last entry not {@code failed})
     * @param boundBytes how many bytes of the input its last binding line covers; -1 for a new journal
     */
    record Resume(BitSet done, long boundBytes) {}

    /**
     * What a journal records as done; nothing when it is new ({@link #isNew}).
     *
     * @param input the input, of which the run reads the first {@code inputBytes} bytes
     * @param rows the input's rows: a journal row must be of a line from 2 to {@code rows + 1}
     * @throws BulkInputException if the journal belongs to another input, target or API, or a row is damaged
     */
    static Resume load(Path journal, Path input, long inputBytes, String target, ApiMode mode, long rows)
            throws BulkInputException {
        BitSet done = new BitSet();
        if (isNew(journal)) {
            return new Resume(done, -1);
        }
        long boundBytes = checkBelongsTo(journal, input, inputBytes, target, mode);
        forEachEntry(journal, rows, row -> {
            if (row.outcome() == RowOutcome.FAILED) {
                done.clear((int) row.line());
            } else {
                done.set((int) row.line());
            }
        });
        return new Resume(done, boundBytes);
    }

    /** The SHA-256 of the first {@code bytes} bytes of {@code file}, in hex. */
    static String sha256(Path file, long bytes) throws IOException {
        return MoreFiles.asByteSource(file).slice(0, bytes).hash(Hashing.sha256()).toString();
    }

    /** What is done with each checked row. */
    private interface EntryAction {
        void accept(ReportRow row);
    }

    /**
     * Calls {@code action} for each entry, in the order written, up to the last complete line (a last line torn
     * by a crash is left out: the rerun cuts it off).
     *
     * @throws BulkInputException naming the journal's line if a row is not a row of this input's report
     */
    private static void forEachEntry(Path journal, long rows, EntryAction action) throws BulkInputException {
        long complete;
        try {
            complete = completeBytes(journal);
        } catch (IOException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
        try (InputStream in = ByteStreams.limit(Files.newInputStream(journal), complete);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            if (!parser.getHeaderNames().equals(ReportRow.HEADER)) {
                throw new BulkInputException("the journal " + journal + ", line 2: the header is not "
                        + String.join(",", ReportRow.HEADER) + "; the journal is damaged: give a new journal file");
            }
            long journalLine = 2;
            for (CSVRecord record : parser) {
                journalLine++;
                action.accept(parse(record, rows, journal, journalLine));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
    }

    /** Checks the first line (a journal, this target and API) and the last binding (this input); its bytes. */
    private static long checkBelongsTo(Path journal, Path input, long inputBytes, String target, ApiMode mode)
            throws BulkInputException {
        checkHead(journal);
        String first = null;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ByteStreams.limit(Files.newInputStream(journal), completeBytes(journal)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first == null) {
                    first = line;
                }
                if (line.startsWith("# " + MAGIC)) {
                    last = line;
                }
            }
        } catch (IOException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
        if (first == null || !first.startsWith("# " + MAGIC)) {
            throw new BulkInputException("the journal " + journal + " is not a bulk journal; "
                    + "give a new file name or remove it");
        }
        String[] head = first.substring(2).split(" ");
        String[] binding = last.substring(2).split(" ");
        if (!wellFormed(head) || !wellFormed(binding)) {
            throw new BulkInputException("the journal " + journal + " was written by an older version that did not"
                    + " record the service and API its rows were sent to; give a new journal file to start over");
        }
        String journalTarget = head[3].substring("target=".length());
        String journalApi = head[4].substring("api=".length());
        String api = mode.name().toLowerCase(Locale.ROOT);
        if (!journalTarget.equals(target) || !journalApi.equals(api)) {
            throw new BulkInputException("the journal " + journal + " records a run against " + journalTarget
                    + " with the " + journalApi + " API, not " + target + " with the " + api
                    + " API: its rows say nothing about this one; give a new journal file to start over");
        }
        long boundBytes = Long.parseLong(binding[2].substring("input-bytes=".length()));
        String boundHash = binding[1].substring("input-sha256=".length());
        try {
            if (boundBytes > inputBytes || !sha256(input, boundBytes).equals(boundHash)) {
                throw new BulkInputException("the journal " + journal + " was written for a different input file "
                        + "(its contents changed); give a new journal file to start over");
            }
        } catch (IOException e) {
            throw new BulkInputException("cannot read the input file " + input + ": " + e.getMessage(), e);
        }
        return boundBytes;
    }

    /**
     * Reads no more than a journal's first bytes before anything else: another file given as {@code --journal} may
     * be one huge line, or not text at all.
     */
    private static void checkHead(Path journal) throws BulkInputException {
        String magic = "# " + MAGIC;
        byte[] head;
        try (InputStream in = Files.newInputStream(journal)) {
            head = in.readNBytes(magic.length());
        } catch (IOException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head));
        } catch (CharacterCodingException e) {
            throw new BulkInputException("the journal " + journal + " is not a bulk journal (not UTF-8 text); "
                    + "give a new file name or remove it", e);
        }
        if (!new String(head, StandardCharsets.ISO_8859_1).equals(magic)) {
            throw new BulkInputException("the journal " + journal + " is not a bulk journal; "
                    + "give a new file name or remove it");
        }
    }

    private static boolean wellFormed(String[] fields) {
        return fields.length == 5 && fields[1].matches("input-sha256=[0-9a-f]{64}")
                && fields[2].matches("input-bytes=[0-9]{1,18}") && fields[3].startsWith("target=")
                && fields[4].startsWith("api=");
    }

    private static long completeBytes(Path journal) throws IOException {
        return AppendOnlyFile.wholeLinesLength(journal);
    }

    /** One checked row; comment lines are not records, and every row is one line (line breaks become spaces). */
    private static ReportRow parse(CSVRecord record, long rows, Path journal, long journalLine)
            throws BulkInputException {
        String where = "the journal " + journal + ", line " + journalLine + ": ";
        String fix = "; the journal is damaged or was edited: give a new journal file to start over";
        if (record.size() != ReportRow.HEADER.size()) {
            throw new BulkInputException(where + record.size() + " fields instead of " + ReportRow.HEADER.size() + fix);
        }
        List<String> fields = record.toList();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).length() > MAX_FIELD_CHARS) {
                throw new BulkInputException(where + "the " + ReportRow.HEADER.get(i) + " field has more than "
                        + MAX_FIELD_CHARS + " characters" + fix);
            }
        }
        String lineText = fields.get(0);
        if (lineText.isEmpty() || lineText.length() > 10 || !lineText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BulkInputException(where + "the line '" + Printable.shorten(lineText) + "' is not a number" + fix);
        }
        long line = Long.parseLong(lineText);
        if (line < 2 || line > rows + 1) {
            throw new BulkInputException(where + "input line " + line + " is outside the input's lines 2 to "
                    + (rows + 1) + fix);
        }
        RowOutcome outcome = RowOutcome.fromText(fields.get(3)).orElse(null);
        if (outcome == null) {
            throw new BulkInputException(where + "unknown outcome '" + Printable.shorten(fields.get(3)) + "'" + fix);
        }
        return new ReportRow(line, fields.get(1), fields.get(2), outcome, fields.get(4), fields.get(5));
    }
}
