package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.app.bulk.BulkProgress;
import io.github.pcqualification.cli.bulk.BulkInputException;
import io.github.pcqualification.cli.bulk.BulkJob;
import io.github.pcqualification.cli.bulk.BulkWriteException;
import io.github.pcqualification.cli.bulk.RowOutcome;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.policy.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code bulk}: qualify every customer of a CSV file. */
@Command(name = "bulk", mixinStandardHelpOptions = true,
        description = {"Qualify every customer listed in a CSV file (header customerId,qualification,validationCode"
                + "[,educationSegment,website]), concurrently, with one report row per input row.",
            "Exit 0 when every row succeeded, 3 when some were invalid or rejected, 4 when some failed transiently"
                + " or the disk filled (rerun the same command: --journal resumes)."})
final class BulkCommand extends RemoteCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "The customers to qualify.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "REPORT.csv",
            description = "The report: line,customerId,qualification,outcome,detail,correlationId.")
    Path output;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
            description = "Requests in flight at most (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Record finished rows durably; rerunning the same command resumes where it stopped.")
    Path journal;

    @Option(names = "--dry-run", description = "Check every row and report what would be sent; send nothing.")
    boolean dryRun;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "Send at most this many requests per second.")
    Double rate;

    @Option(names = "--async", description = "Use the asynchronous qualifications API (columns educationSegment, website).")
    boolean async;

    @Override
    public Integer call() throws IOException, InterruptedException {
        GlobalOptions effective = effective();
        if (concurrency < 1 || concurrency > 1024) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be between 1 and 1024, got " + concurrency);
        }
        if (rate != null && !(rate > 0 && rate <= 100_000)) {
            throw new ParameterException(spec.commandLine(), "--rate must be a positive number of requests per second");
        }
        if (dryRun && journal != null) {
            throw new ParameterException(spec.commandLine(), "--dry-run sends nothing, so it takes no --journal");
        }
        ApiMode mode = async ? ApiMode.ASYNCHRONOUS : ApiMode.SYNCHRONOUS;
        SharedThrottle throttle = new SharedThrottle(rate == null ? 0 : rate, System::nanoTime, Sleeper.real());
        BulkJob.Options jobOptions = new BulkJob.Options(input, output, concurrency, Optional.ofNullable(journal), dryRun, mode,
                target(effective.baseUrl));
        PrintWriter err = spec.commandLine().getErr();
        try (PartnerCenterQualifications pc = open(mode, throttle)) {
            BulkJob job = new BulkJob(pc, jobOptions, System::nanoTime);
            boolean terminal = root.isTerminal();
            if (terminal) {
                showProgress(job, throttle, err);
            }
            BulkJob.Summary summary;
            // Ctrl-C / SIGTERM: say how far the run got and how to resume. The hook only prints: the journal's
            // rows are whole lines, and a line torn by the exit is cut off when the journal is next read.
            Thread interrupted = new Thread(() -> onInterrupt(job, jobOptions, err), "bulk-interrupted");
            Runtime.getRuntime().addShutdownHook(interrupted);
            try {
                summary = job.run();
            } catch (BulkWriteException e) {
                return stoppedWriting(e, err);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(interrupted);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting: the hook runs.
                }
                if (terminal) {
                    err.print("\r\033[K");
                }
            }
            if (effective.json) {
                Json json = Json.object().put("rows", summary.rows()).put("resumed", summary.resumed())
                        .put("seconds", summary.elapsed().toMillis() / 1000.0)
                        .put("throttledPauses", throttle.pauses());
                for (RowOutcome o : RowOutcome.values()) {
                    json.put(o.text(), summary.count(o));
                }
                summary.stoppedBy().ifPresent(stop -> json.put("stoppedBy", stop.message()));
                spec.commandLine().getOut().println(json.put("report", output.toString()));
            }
            err.println("bulk: " + summary.describe());
            summary.stoppedBy().ifPresent(stop -> {
                err.println("bulk: stopped sending: " + Printable.escapeInvisible(stop.message()));
                err.println("bulk: fix the credentials and run the same command again"
                        + (jobOptions.journal().isPresent() ? "; the journal sends only the rows that did not finish"
                                : "; add --journal FILE to a long run so a rerun sends only the rows that did not finish"));
            });
            err.println("report: " + output + (throttle.pauses() > 0 ? " (throttled " + throttle.pauses() + " times)" : ""));
            return ExitCodes.of(summary);
        } catch (BulkInputException e) {
            err.println("error: " + e.getMessage());
            err.println("nothing was sent");
            return ExitCodes.INVALID;
        }
    }

    /** What the journal binds its rows to: the embedded fake, or the base URL without user info, query or trailing slash. */
    static String target(URI baseUrl) {
        if (baseUrl == null) {
            return BulkJob.Options.EMBEDDED_FAKE;
        }
        URI url = baseUrl.normalize();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT) + "://";
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        String text = scheme + host + port + path;
        return text.isEmpty() || text.length() > 2000 || !text.chars().allMatch(c -> c > ' ' && c < 127)
                ? baseUrl.toASCIIString().replaceAll("[^!-~]", "%20") : text;
    }

    /** What the user sees when the job stopped at a failed write (a full disk); exit 4, as for a transient fault. */
    static int stoppedWriting(BulkWriteException e, PrintWriter err) {
        err.println("error: " + Printable.escapeInvisible(String.valueOf(e.getMessage())));
        err.println("bulk: stopped sending at the first failed write; " + e.finished() + " rows finished in this run"
                + (e.journaled() ? " and are in the journal" : ""));
        String fix = UserErrors.isDiskFull(e) ? "the disk is full: free space and run the same command again"
                : "make the file writable and run the same command again";
        err.println("bulk: " + fix + (e.journaled() ? "; the journal keeps what finished, so only the other rows are sent"
                : "; without --journal every row is sent again (add --journal FILE to resume instead)"));
        return ExitCodes.UNAVAILABLE;
    }

    /**
     * What the shutdown hook does on Ctrl-C or SIGTERM: prints how far the run got and how to resume, and removes
     * the scratch files of a run without a journal (they cannot be resumed). The journal is left alone.
     */
    static void onInterrupt(BulkJob job, BulkJob.Options options, PrintWriter err) {
        interruptedLines(job.progress(), options.journal()).forEach(err::println);
        err.flush();
        if (options.journal().isEmpty()) {
            for (Path scratch : job.scratchFiles()) {
                try {
                    java.nio.file.Files.deleteIfExists(scratch);
                } catch (IOException | RuntimeException e) {
                    // The JVM is exiting; a scratch file left behind is replaced by the next run.
                }
            }
        }
    }

    /** What the user sees on Ctrl-C or SIGTERM: how far the run got, and how to resume it. */
    static List<String> interruptedLines(BulkJob.Progress progress, Optional<Path> journal) {
        String counts = java.util.Arrays.stream(RowOutcome.values()).filter(o -> progress.count(o) > 0)
                .map(o -> progress.count(o) + " " + o.text()).collect(java.util.stream.Collectors.joining(", "));
        return List.of(
                "bulk: interrupted: " + progress.done() + " of " + progress.total() + " rows finished in this run"
                        + (counts.isEmpty() ? "" : " (" + counts + ")")
                        + (progress.resumed() > 0 ? ", " + progress.resumed() + " done before" : "") + "; no report written",
                journal.map(j -> "bulk: run the same command again to resume: the journal " + j
                                + " keeps every finished row, so only the others are sent")
                        .orElse("bulk: a rerun sends every row again; add --journal FILE so that a rerun resumes where"
                                + " it stopped"));
    }

    /** The live progress line: every half second, from the library's progress listener, on this thread. */
    private static void showProgress(BulkJob job, SharedThrottle throttle, PrintWriter err) {
        job.progress(throttle, Duration.ofMillis(500), p -> {
            err.print("\r\033[K" + progressLine(p));
            err.flush();
        });
    }

    /**
     * The progress line: rows done (those a journal showed done included) of the total, the share, the rate, the
     * errors (final ones a rerun would repeat, transient ones it sends again), the time so far and left, the time
     * workers were held by throttling, and the wait for a {@code Retry-After} under way.
     */
    static String progressLine(BulkProgress p) {
        long done = p.done() + p.resumed();
        String total = p.total().isPresent() ? Long.toString(p.total().getAsLong()) : "?";
        String percent = p.fractionDone().map(f -> String.format(Locale.ROOT, " (%.0f%%)", Math.floor(f * 100)))
                .orElse("");
        long errors = p.finalErrors() + p.transientErrors();
        String line = String.format(Locale.ROOT, "%d/%s rows%s, %.0f rows/s, %d errors", done, total, percent, p.rate(),
                errors)
                + (errors > 0 ? " (" + p.finalErrors() + " final, " + p.transientErrors() + " transient)" : "")
                + ", elapsed " + formatDuration(p.elapsed()) + ", ETA " + p.eta().map(BulkCommand::formatDuration).orElse("?");
        if (!p.throttled().isZero()) {
            line += ", throttled " + formatDuration(p.throttled());
        }
        if (p.waitingForRetryAfter()) {
            long seconds = (p.retryAfterLeft().toMillis() + 999) / 1000;
            line += ", waiting " + seconds + "s for Retry-After";
        }
        return line;
    }

    private static String formatDuration(Duration d) {
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
