package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.cli.bulk.BulkInputException;
import io.github.pcqualification.cli.bulk.BulkJob;
import io.github.pcqualification.cli.bulk.RowOutcome;
import io.github.pcqualification.domain.model.ApiMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code bulk}: qualify every customer of a CSV file. */
@Command(name = "bulk", mixinStandardHelpOptions = true,
        description = {"Qualify every customer listed in a CSV file (header customerId,qualification,validationCode"
                + "[,educationSegment,website]), concurrently, with one report row per input row.",
            "Exit 0 when every row succeeded, 3 when some were invalid or rejected, 4 when some failed transiently."})
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
        SharedThrottle throttle = new SharedThrottle(rate == null ? 0 : rate, System::nanoTime,
                d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
        BulkJob.Options jobOptions = new BulkJob.Options(input, output, concurrency, Optional.ofNullable(journal), dryRun, mode,
                target(effective.baseUrl));
        PrintWriter err = spec.commandLine().getErr();
        try (PartnerCenterQualifications pc = open(mode, throttle)) {
            BulkJob job = new BulkJob(pc, jobOptions, System::nanoTime);
            ScheduledExecutorService ticker = root.isTerminal() ? startProgress(job, err) : null;
            BulkJob.Summary summary;
            try {
                summary = job.run();
            } finally {
                if (ticker != null) {
                    ticker.shutdownNow();
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
                err.println("bulk: stopped sending: " + Render.safe(stop.message()));
                err.println("bulk: fix the credentials and run the same command again"
                        + (jobOptions.journal().isPresent() ? "; the journal sends only the rows that did not finish"
                                : "; add --journal FILE to a long run so a rerun sends only the rows that did not finish"));
            });
            err.println("report: " + output + (throttle.pauses() > 0 ? " (throttled " + throttle.pauses() + " times)" : ""));
            return summary.exitCode();
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

    private static ScheduledExecutorService startProgress(BulkJob job, PrintWriter err) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bulk-progress");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            BulkJob.Progress p = job.progress();
            long done = p.done() + p.resumed();
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = seconds > 0 ? p.done() / seconds : 0;
            long errors = p.count(RowOutcome.INVALID) + p.count(RowOutcome.REJECTED) + p.count(RowOutcome.FAILED);
            String eta = rate > 0 ? formatDuration(Duration.ofSeconds((long) ((p.total() - done) / rate))) : "?";
            err.print(String.format(Locale.ROOT, "\r\033[K%d/%d rows, %.0f rows/s, %d errors, ETA %s", done, p.total(),
                    rate, errors, eta));
            err.flush();
        }, 500, 500, TimeUnit.MILLISECONDS);
        return ticker;
    }

    private static String formatDuration(Duration d) {
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
