package io.github.pcqualification.cli.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The bulk job's journal: every finished row, appended and forced to disk as it finishes. Its first
 * line names the input (by SHA-256) so a journal is never applied to another file. The last entry of
 * a line wins; a {@code failed} entry does not count as done, so a rerun tries that row again.
 */
final class Journal {

    private static final String MAGIC = "qualification-bulk-journal input-sha256=";
    private static final CSVFormat READ = RowLog.FORMAT.builder()
            .setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();

    private Journal() {}

    static String comment(String inputSha256) {
        return MAGIC + inputSha256;
    }

    /** The lines a journal records as done (last entry not {@code failed}). Empty when it does not exist yet. */
    static BitSet loadDone(Path journal, String inputSha256) throws BulkInputException {
        BitSet done = new BitSet();
        if (!Files.exists(journal)) {
            return done;
        }
        checkBelongsTo(journal, inputSha256);
        try {
            RowLog.cutTornTail(journal);
        } catch (IOException e) {
            throw new BulkInputException("cannot repair the journal " + journal + ": " + e.getMessage(), e);
        }
        forEachEntry(journal, row -> {
            if (row.outcome() == RowOutcome.FAILED) {
                done.clear((int) row.line());
            } else {
                done.set((int) row.line());
            }
        });
        return done;
    }

    /** Calls {@code action} for each complete entry, in the order written; torn or foreign lines are skipped. */
    static void forEachEntry(Path journal, Consumer<ReportRow> action) throws BulkInputException {
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            for (CSVRecord record : parser) {
                parse(record).ifPresent(action);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
    }

    private static void checkBelongsTo(Path journal, String inputSha256) throws BulkInputException {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            // At most the length of our first line: another file given as --journal may be one huge line.
            char[] head = new char[MAGIC.length() + 2 + 64 + 2];
            int n = 0;
            int c;
            while (n < head.length && (c = reader.read()) >= 0 && c != '\n') {
                head[n++] = (char) c;
            }
            first = n == 0 ? null : new String(head, 0, n);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BulkInputException("the journal " + journal + " is not a bulk journal (not UTF-8 text); "
                    + "give a new file name or remove it", e);
        } catch (IOException e) {
            throw new BulkInputException("cannot read the journal " + journal + ": " + e.getMessage(), e);
        }
        if (first == null || !first.startsWith("# " + MAGIC)) {
            throw new BulkInputException("the journal " + journal + " is not a bulk journal; "
                    + "give a new file name or remove it");
        }
        if (!first.equals("# " + MAGIC + inputSha256)) {
            throw new BulkInputException("the journal " + journal + " was written for a different input file "
                    + "(its contents changed); give a new journal file to start over");
        }
    }

    private static Optional<ReportRow> parse(CSVRecord record) {
        if (record.size() != ReportRow.HEADER.size()) {
            return Optional.empty();
        }
        try {
            long line = Long.parseLong(record.get(0));
            Optional<RowOutcome> outcome = RowOutcome.fromText(record.get(3));
            if (line < 1 || line > Integer.MAX_VALUE || outcome.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ReportRow(line, record.get(1), record.get(2), outcome.get(), record.get(4),
                    record.get(5)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
