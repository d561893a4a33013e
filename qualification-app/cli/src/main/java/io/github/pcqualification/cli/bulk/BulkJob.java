package io.github.pcqualification.cli.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.io.ByteStreams;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.app.bulk.BulkItem;
import io.github.pcqualification.app.bulk.BulkJournal;
import io.github.pcqualification.app.bulk.BulkProgressListener;
import io.github.pcqualification.app.bulk.BulkResult;
import io.github.pcqualification.app.bulk.BulkSummary;
import io.github.pcqualification.app.bulk.BulkUpdates;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Qualifies every customer of a CSV file: streaming (memory does not grow with the file, but for 48-96
 * bytes per distinct customer), concurrent up to a bound, one report row per input row, and resumable
 * through a durable journal.
 *
 * <p>Rows are read one at a time; invalid rows are reported without sending anything; a customer
 * listed again is reported {@code duplicate} and sent once, for its first line. With a journal, rows
 * are recorded as they finish and a rerun skips them (a row that {@code failed} transiently is tried
 * again). The report is assembled at the end in input order from the rows written as they finished
 * (the journal, so it is complete after a resumed run, or a scratch file); that step needs 8 bytes
 * per input row.
 *
 * <p>The CSV side is this class's (reading and checking the input, the report, the journal's format and its binding
 * to the input, target and API, the file checks); the sending is the library's bulk engine
 * ({@link BulkUpdates}): concurrency, duplicates, skipping journaled rows, the authentication stop.
 */
public final class BulkJob {

    /**
     * What to run.
     *
     * @param input the CSV input
     * @param output where the CSV report is written
     * @param concurrency how many rows are in flight at once
     * @param journal the journal that makes the run resumable, if any
     * @param dryRun true to check every row and send nothing
     * @param mode the API the rows are sent through
     * @param target where the rows are sent ({@link #EMBEDDED_FAKE} or the base URL), recorded in the journal
     */
    public record Options(Path input, Path output, int concurrency, Optional<Path> journal, boolean dryRun, ApiMode mode,
            String target) {

        /** The target of a run on the embedded fake. */
        public static final String EMBEDDED_FAKE = "embedded-fake";

        /**
         * Options for a run on the embedded fake.
         *
         * @param input the CSV input
         * @param output where the report is written
         * @param concurrency 1 to 1024
         * @param journal the journal, or empty; must be empty for a dry run
         * @param dryRun true to send nothing
         * @param mode the API the rows are sent through
         */
        public Options(Path input, Path output, int concurrency, Optional<Path> journal, boolean dryRun, ApiMode mode) {
            this(input, output, concurrency, journal, dryRun, mode, EMBEDDED_FAKE);
        }

        /**
         * Checks the options.
         *
         * @param input the CSV input
         * @param output where the report is written
         * @param concurrency 1 to 1024
         * @param journal the journal, or empty; must be empty for a dry run
         * @param dryRun true to send nothing
         * @param mode the API the rows are sent through
         * @param target where the rows are sent: one word (no space or control character), at most 2000 characters
         * @throws NullPointerException if an object option is null
         * @throws IllegalArgumentException if {@code concurrency} is out of range or a dry run has a journal
         */
        public Options {
            checkNotNull(input, "input");
            checkNotNull(output, "output");
            checkArgument(concurrency >= 1 && concurrency <= 1024, "concurrency must be between 1 and 1024, got %s",
                    concurrency);
            checkNotNull(journal, "journal");
            checkArgument(!(dryRun && journal.isPresent()), "--dry-run sends nothing, so it takes no --journal");
            checkNotNull(mode, "mode");
            checkNotNull(target, "target");
            checkArgument(!target.isEmpty() && target.length() <= 2000 && target.chars().allMatch(c -> c > ' ' && c < 127),
                    "target must be one word of visible ASCII, got '%s'", Printable.shorten(target));
        }
    }

    /**
     * How a run ended, counted over the whole report (resumed rows included).
     *
     * @param rows the input rows
     * @param counts the rows per outcome
     * @param resumed the rows a journal showed done before this run, and so skipped
     * @param elapsed the run's time
     * @param stoppedBy the authentication failure that stopped the job sending, if one did
     */
    public record Summary(long rows, Map<RowOutcome, Long> counts, long resumed, Duration elapsed,
            Optional<AuthenticationFailed> stoppedBy) {
        /**
         * Keeps an immutable copy of the counts.
         *
         * @param rows the input rows
         * @param counts the rows per outcome
         * @param resumed the rows skipped as done before
         * @param elapsed the run's time
         * @param stoppedBy the authentication failure that stopped the job sending, if one did
         */
        public Summary {
            counts = Map.copyOf(counts);
            checkNotNull(stoppedBy, "stoppedBy");
        }

        /**
         * The rows that ended with an outcome.
         *
         * @param outcome the outcome
         * @return how many rows ended so; 0 if none
         */
        public long count(RowOutcome outcome) {
            return counts.getOrDefault(outcome, 0L);
        }

        /**
         * The run in one line for people.
         *
         * @return e.g. {@code 10000 rows in 12.3 s (813 rows/s): 9000 updated, ...}
         */
        public String describe() {
            double seconds = elapsed.toNanos() / 1e9;
            String parts = counts.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getValue() + " " + e.getKey().text())
                    .collect(Collectors.joining(", "));
            return String.format(java.util.Locale.ROOT, "%d rows in %.1f s (%.0f rows/s)%s: %s", rows, seconds,
                    seconds > 0 ? (rows - resumed) / seconds : 0.0,
                    resumed > 0 ? ", " + resumed + " done before and skipped" : "", parts.isEmpty() ? "nothing" : parts);
        }
    }

    /** Live counters for a progress display; safe to read from any thread. */
    public static final class Progress {
        private final AtomicLongArray counts = new AtomicLongArray(RowOutcome.values().length);
        private volatile long total;
        private volatile long resumed;

        /**
         * The input's rows, known once the input has been checked.
         *
         * @return the number of input rows, 0 until then
         */
        public long total() {
            return total;
        }

        /**
         * The rows a journal showed done before this run.
         *
         * @return the number of rows skipped
         */
        public long resumed() {
            return resumed;
        }

        /**
         * Rows finished in this run.
         *
         * @return the number of rows finished so far, of every outcome
         */
        public long done() {
            long sum = 0;
            for (int i = 0; i < counts.length(); i++) {
                sum += counts.get(i);
            }
            return sum;
        }

        /**
         * Rows finished in this run with an outcome.
         *
         * @param outcome the outcome
         * @return how many rows ended so, so far
         */
        public long count(RowOutcome outcome) {
            return counts.get(outcome.ordinal());
        }

        void add(RowOutcome outcome) {
            counts.incrementAndGet(outcome.ordinal());
        }
    }

    /** The longest input record, in characters: a row is a few hundred; Commons CSV holds a record in memory. */
    static final long MAX_RECORD_CHARS = 64 * 1024;

    private static final CSVFormat INPUT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    private final UpdateQualificationUseCase useCase;
    private final Options options;
    private final LongSupplier nanoTime;
    private final Progress progress = new Progress();
    /** The first authentication failure: once set, nothing more is sent and unsent rows end as failed. */
    private final AtomicReference<AuthenticationFailed> stoppedBy = new AtomicReference<>();
    /** The input's size when the run started: every pass reads that much of it and no more. */
    private long inputBytes;
    /** The first failed write (or a worker's error): once set, nothing more is sent and the run ends with it. */
    private final AtomicReference<Throwable> fault = new AtomicReference<>();
    private final long bytesPerFile;
    /** This job's scratch files, named once ({@link #scratchFiles()}). */
    private final List<Path> scratch;
    private Optional<SharedThrottle> throttle = Optional.empty();
    private Optional<BulkProgressListener> listener = Optional.empty();
    private Duration every = Duration.ofSeconds(1);

    /**
     * A job, not started.
     *
     * @param useCase what each valid row is sent to
     * @param options what to run
     * @param nanoTime a monotonic clock ({@code System::nanoTime}) for the elapsed time
     * @throws NullPointerException if any argument is null
     */
    public BulkJob(UpdateQualificationUseCase useCase, Options options, LongSupplier nanoTime) {
        this(useCase, options, nanoTime, Long.MAX_VALUE);
    }

    /** As above, with a disk that takes at most {@code bytesPerFile} bytes per file written (tests of a full disk). */
    BulkJob(UpdateQualificationUseCase useCase, Options options, LongSupplier nanoTime, long bytesPerFile) {
        this.useCase = checkNotNull(useCase, "useCase");
        this.options = checkNotNull(options, "options");
        this.nanoTime = checkNotNull(nanoTime, "nanoTime");
        this.bytesPerFile = bytesPerFile;
        this.scratch = List.of(BulkPaths.siblingName(options.output(), "rows"),
                BulkPaths.siblingName(options.output(), "partial"));
    }

    /**
     * Tells {@code listener} how the run goes (the library's {@link BulkProgressListener}, on the calling thread),
     * with the throttle's figures: the time workers were held by {@code Retry-After} pauses and the pause left.
     *
     * @param throttle the throttle the use case's requests pass
     * @param every how often, while rows finish or the run waits
     * @param listener the listener
     * @return this job
     * @throws NullPointerException if an argument is null
     */
    public BulkJob progress(SharedThrottle throttle, Duration every, BulkProgressListener listener) {
        this.throttle = Optional.of(checkNotNull(throttle, "throttle"));
        this.every = checkNotNull(every, "every");
        this.listener = Optional.of(checkNotNull(listener, "listener"));
        return this;
    }

    /**
     * The job's live counters, for a progress display.
     *
     * @return the counters, updated while {@link #run()} runs
     */
    public Progress progress() {
        return progress;
    }

    /**
     * Runs the job to the end.
     *
     * @return how the run ended
     * @throws BulkInputException (nothing sent) when the input or journal cannot be used
     * @throws BulkWriteException if the journal or report could not be written (a full disk): the job stopped
     *     sending at the first failed write; a rerun with the journal resumes
     * @throws IOException if the input, journal or report cannot be read or written while the job runs
     * @throws InterruptedException if the thread is interrupted while it waits for a free slot or for the rows
     *     in flight
     */
    public Summary run() throws BulkInputException, IOException, InterruptedException {
        BulkPaths.check(options);
        checkPaths();
        // One run per journal: a second run is refused before it reads or sends anything; the first never notices.
        try (JournalLock lock = options.journal().isPresent() ? JournalLock.acquire(options.journal().get()) : null) {
            return runLocked();
        }
    }

    private Summary runLocked() throws BulkInputException, IOException, InterruptedException {
        long started = nanoTime.getAsLong();
        long rows = checkInput();
        progress.total = rows;
        String inputHash = options.journal().isPresent() ? Journal.sha256(options.input(), inputBytes) : "";
        Journal.Resume resume = options.journal().isPresent() ? Journal.load(options.journal().get(), options.input(),
                inputBytes, options.target(), options.mode(), rows) : new Journal.Resume(new BitSet(), -1);
        BitSet done = resume.done();
        progress.resumed = done.cardinality();

        // Rows are written as they finish, to the journal or a scratch file; the report is then put in input order.
        Path entries = options.journal().orElse(scratch.get(0));
        Path reportTemp = scratch.get(1);
        Map<RowOutcome, Long> counts;
        try {
            try (RowLog log = openLog(entries, inputHash, resume.boundBytes())) {
                process(log, done);
            } catch (IOException e) {
                if (fault.get() == null) {
                    throw e;
                }
                // Closing after a failed write fails the same way: the first failure is the one to tell.
            }
            throwFault(entries);
            try {
                counts = ReportAssembler.assemble(entries, reportTemp, rows, bytesPerFile);
                Files.move(reportTemp, options.output(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Every row was sent and recorded; only the report is missing: a rerun with the journal writes it.
                throw new BulkWriteException(e, options.journal().isPresent(), progress.done());
            }
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            // No scratch file is left behind (the journal stays: it keeps what finished).
            Files.deleteIfExists(reportTemp);
            if (options.journal().isEmpty()) {
                Files.deleteIfExists(entries);
            }
            throw e;
        }
        if (options.journal().isEmpty()) {
            Files.delete(entries);
        }
        long reported = counts.values().stream().mapToLong(Long::longValue).sum();
        if (reported != rows) {
            throw new IllegalStateException("the report has " + reported + " rows for " + rows + " input rows");
        }
        return new Summary(rows, counts, progress.resumed, Duration.ofNanos(nanoTime.getAsLong() - started),
                Optional.ofNullable(stoppedBy.get()));
    }

    /**
     * The files this run writes next to the report and removes at its end: the rows as they finished (when there
     * is no journal) and the report being written. Their names are drawn once per job, so two runs writing the same
     * report never share one.
     *
     * @return {@code REPORT.<random>.rows} and {@code REPORT.<random>.partial}
     */
    public List<Path> scratchFiles() {
        return scratch;
    }

    /** Ends the run with the fault that stopped it, if one did. */
    private void throwFault(Path entries) throws IOException {
        Throwable f = fault.get();
        if (f == null) {
            return;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f instanceof UncheckedIOException u) {
            throw new BulkWriteException(u.getCause(), options.journal().isPresent(), progress.done());
        }
        throw (RuntimeException) f;
    }

    /** The files the job reads and writes, checked before anything is read or sent: each problem is named with what to do. */
    private void checkPaths() throws BulkInputException {
        Path input = options.input();
        if (!Files.exists(input)) {
            throw new BulkInputException("--input " + input + ": no such file; give the path of the CSV file to qualify");
        }
        if (Files.isDirectory(input)) {
            throw new BulkInputException("--input " + input + " is a directory; give the path of a CSV file");
        }
        if (!Files.isRegularFile(input)) {
            throw new BulkInputException("--input " + input + " is not a regular file (a pipe, a device or /dev/stdin):"
                    + " the job reads its input twice, once to check every row before sending anything; save it to a"
                    + " file and give that file");
        }
        if (!Files.isReadable(input)) {
            throw new BulkInputException("--input " + input + ": permission denied; make the file readable or copy it"
                    + " somewhere you can read it");
        }
        checkWritable("--output", options.output());
        if (options.journal().isPresent()) {
            Path journal = options.journal().get();
            checkWritable("--journal", journal);
            if (Files.exists(journal) && !Files.isReadable(journal)) {
                throw new BulkInputException("--journal " + journal + ": permission denied; make it readable and writable");
            }
        }
    }

    private static void checkWritable(String option, Path file) throws BulkInputException {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new BulkInputException(option + " " + file + " is a directory; give a file name");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BulkInputException(option + " " + file + " is not a regular file (a pipe or a device); give a file name");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BulkInputException(option + " " + file + ": the directory " + parent
                    + " does not exist; create it or choose another path");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new BulkInputException(option + " " + file + ": permission denied; choose a path you can write");
        }
    }

    private RowLog openLog(Path entries, String inputHash, long boundBytes) throws IOException, BulkInputException {
        if (options.journal().isEmpty()) {
            return RowLog.create(entries, false, Optional.empty(), bytesPerFile);
        }
        String binding = Journal.comment(inputHash, inputBytes, options.target(), options.mode());
        if (Journal.isNew(entries)) {
            return RowLog.create(entries, true, Optional.of(binding), bytesPerFile);
        }
        RowLog log = RowLog.reopen(entries, true, bytesPerFile);
        if (boundBytes < inputBytes) {
            // The input grew since the journal's last run (rows appended): this run covers more of it.
            log.appendComment(binding);
        }
        return log;
    }

    /** Reads the whole input once, before anything is sent: the header, the CSV structure, the row count. */
    private long checkInput() throws BulkInputException {
        try {
            // Every pass reads these bytes only: rows appended while the job runs are left for the next run.
            inputBytes = Files.size(options.input());
        } catch (IOException e) {
            throw new BulkInputException("cannot read the input file " + options.input() + ": " + e.getMessage(), e);
        }
        try (CSVParser parser = openInput()) {
            List<String> missing = RowParser.REQUIRED_COLUMNS.stream()
                    .filter(c -> !parser.getHeaderMap().containsKey(c)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                throw new BulkInputException(options.input() + ": the header must name the columns "
                        + String.join(",", RowParser.REQUIRED_COLUMNS) + " (missing: " + String.join(", ", missing) + ")");
            }
            long count = 0;
            for (CSVRecord ignored : parser) {
                count++;
            }
            if (count > Integer.MAX_VALUE - 2) {
                throw new BulkInputException(options.input() + ": more than " + (Integer.MAX_VALUE - 2) + " rows");
            }
            return count;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BoundedRecordReader.RecordTooLongException tooLong) {
                    throw new BulkInputException(options.input() + " line " + tooLong.line() + ": a row longer than "
                            + MAX_RECORD_CHARS + " characters (a quote left open, or not a bulk CSV file); check the file"
                            + " is the right one and its quotes are balanced", e);
                }
                if (t instanceof CharacterCodingException) {
                    throw new BulkInputException(options.input() + " line " + firstLineNotUtf8(options.input())
                            + " is not UTF-8 text; save the file as UTF-8 (Excel: \"CSV UTF-8\"), or convert it, e.g."
                            + " iconv -f WINDOWS-1252 -t UTF-8", e);
                }
            }
            throw new BulkInputException(options.input() + " is not a readable CSV file: "
                    + Printable.shorten(String.valueOf(e.getMessage())), e);
        }
    }

    /** Opens the input, skipping the byte-order mark that Excel's "CSV UTF-8" writes before the header. */
    private CSVParser openInput() throws IOException {
        // Strict UTF-8: a byte that is not UTF-8 is an error naming its line, never a silent replacement character.
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                ByteStreams.limit(Files.newInputStream(options.input()), inputBytes), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return CSVParser.builder().setReader(new BoundedRecordReader(reader, MAX_RECORD_CHARS)).setFormat(INPUT).get();
    }

    /** The first line holding bytes that are not UTF-8 (0 if the whole file is UTF-8), read in bounded chunks. */
    static long firstLineNotUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (true) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                    }
                }
                out.clear();
                if (result.isError()) {
                    return line;
                }
                if (end) {
                    return 0;
                }
                in.compact();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Sends the rows through the library's engine ({@link BulkUpdates}): it finds duplicates, skips the journal's done
     * rows, bounds the rows in flight and stops sending at an authentication failure or at the first failed write;
     * this job turns each result into a report row and writes it to {@code log} as it finishes.
     */
    private void process(RowLog log, BitSet done) throws IOException, InterruptedException {
        BulkUpdates.Builder engine = BulkUpdates.over(useCase).concurrency(options.concurrency()).nanoTime(nanoTime)
                .journal(new LogJournal(log, done));
        if (options.dryRun()) {
            engine.dryRun(options.mode());
        }
        throttle.ifPresent(engine::throttle);
        listener.ifPresent(l -> engine.progress(l, every));
        try (CSVParser parser = openInput()) {
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<BulkItem<BulkRow>> items = new Iterator<>() {
                private long line = 1;

                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (RuntimeException e) {
                        throw new InputFailure(e);
                    }
                }

                @Override
                public BulkItem<BulkRow> next() {
                    CSVRecord record;
                    try {
                        record = records.next();
                    } catch (RuntimeException e) {
                        throw new InputFailure(e);
                    }
                    BulkRow row = RowParser.parse(++line, record);
                    return row.request().map(r -> BulkItem.of(row.line(), row, r))
                            .orElseGet(() -> BulkItem.invalid(row.line(), row, row.problem().orElseThrow()));
                }
            };
            BulkSummary summary = engine.build().runItems(items, OptionalLong.of(progress.total), result -> { });
            summary.stoppedBy().ifPresent(stop -> stoppedBy.compareAndSet(null, stop));
        } catch (InputFailure e) {
            // The input could not be read mid-run: not a failed write; the rows finished before it are journaled.
            throw e.getCause();
        } catch (RuntimeException | Error e) {
            // A failed write of the journal (or scratch file), or an error of a worker: the engine stopped sending.
            fault.compareAndSet(null, e);
        }
    }

    /** The input's reader failed while the job ran; carried through the engine and unwrapped. */
    private static final class InputFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** The journal (or scratch file) as the engine's journal: each finished row is one report row, written as it ends. */
    private final class LogJournal implements BulkJournal {
        private final RowLog log;
        private final BitSet done;

        LogJournal(RowLog log, BitSet done) {
            this.log = log;
            this.done = done;
        }

        @Override
        public boolean isDone(long position) {
            return done.get((int) position);
        }

        @Override
        public void record(BulkResult<?> result) {
            ReportRow row = reportRow((BulkRow) result.key(), result);
            // A failed write throws: the engine stops sending, as a result that cannot be recorded must not be produced.
            log.append(row);
            progress.add(row.outcome());
        }
    }

    /** The report row of a result: the outcome column and the detail people read. */
    private ReportRow reportRow(BulkRow row, BulkResult<?> result) {
        return result.foldResult(
                sent -> sent(row, sent.outcome()),
                invalid -> report(row, RowOutcome.INVALID, invalid.problem(), ""),
                duplicate -> report(row, RowOutcome.DUPLICATE, "customer already listed on line "
                        + duplicate.firstPosition() + "; sent once, for that line", ""),
                notSent -> report(row, RowOutcome.FAILED, "not sent: authentication failed earlier in this run; fix the"
                        + " credentials and run again (with --journal only the unfinished rows are sent)", ""),
                wouldSend -> report(row, RowOutcome.WOULD_SEND, wouldSend(wouldSend.request()), ""),
                crashed -> report(row, RowOutcome.FAILED, "unexpected error: "
                        + crashed.exception().getClass().getSimpleName()
                        + (crashed.exception().getMessage() == null ? "" : ": " + crashed.exception().getMessage()), ""));
    }

    private static ReportRow sent(BulkRow row, UpdateOutcome outcome) {
        String correlation = outcome.correlationId().toString();
        return outcome.foldUpdate(
                updated -> report(row, RowOutcome.UPDATED, updated.qualification().qualification()
                        + updated.qualification().vetting().map(v -> " (vetting " + v.status() + ")").orElse(""),
                        correlation),
                unchanged -> report(row, RowOutcome.UNCHANGED, "already " + unchanged.qualification().qualification(),
                        correlation),
                failure -> failure.foldFailure(
                        invalid -> report(row, RowOutcome.INVALID, invalid.message(), correlation),
                        rejected -> report(row, RowOutcome.REJECTED, rejected.message(), correlation),
                        notFound -> report(row, RowOutcome.REJECTED, notFound.message(), correlation),
                        unavailable -> report(row, RowOutcome.FAILED, unavailable.message(), correlation),
                        failed -> report(row, RowOutcome.FAILED, failed.message() + "; the job stopped sending",
                                correlation)));
    }

    /** What a dry run would send, as the request line. */
    private String wouldSend(QualificationRequest request) {
        String customer = request.customer().toString();
        return options.mode() == ApiMode.SYNCHRONOUS
                ? "PUT /v1/customers/" + customer + "/qualification"
                        + request.validationCode().map(c -> "?code=" + URLEncoder.encode(c.value(), StandardCharsets.UTF_8))
                                .orElse("")
                        + " \"" + request.qualification().wireName() + "\""
                : "POST /v1/customers/" + customer + "/qualifications " + request.qualification().wireName()
                        + request.educationSegment().map(s -> " " + s.wireName()).orElse("")
                        + request.website().map(w -> " " + w).orElse("")
                        + request.validationCode().map(c -> " validationCode " + c).orElse("");
    }

    private static ReportRow report(BulkRow row, RowOutcome outcome, String detail, String correlationId) {
        return new ReportRow(row.line(), row.customerText(), row.qualificationText(), outcome, detail, correlationId);
    }
}
