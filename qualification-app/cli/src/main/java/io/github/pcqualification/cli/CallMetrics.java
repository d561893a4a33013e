package io.github.pcqualification.cli;

import io.github.pcqualification.app.observation.AttemptObservationContext;
import io.github.pcqualification.app.observation.OperationObservationContext;
import io.github.pcqualification.app.observation.OperationObservationContext.OutcomeKind;
import io.github.pcqualification.app.observation.ThrottledWaitObservationContext;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@code --metrics}: what the library's observations tell about a command's calls, summed as they stop (calls by
 * outcome, attempts and the retries they asked for, throttled waits and their time, the latency of calls), and
 * printed as a few lines on standard error at the end. Its memory does not grow with the number of calls (a bulk of a
 * million rows keeps counters and one fixed {@link LogHistogram}). Thread-safe: the bulk job's workers stop
 * observations at once.
 */
final class CallMetrics implements ObservationHandler<Observation.Context> {

    /** Where the start time of an observation is kept in its context. */
    private static final Object STARTED = new Object();

    private final LongSupplier nanoTime;
    private final Map<OutcomeKind, LongAdder> outcomes = new EnumMap<>(OutcomeKind.class);
    private final LongAdder threw = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final Map<Unavailable.Reason, LongAdder> retriesAsked = new EnumMap<>(Unavailable.Reason.class);
    private final Map<ThrottledWaitObservationContext.Source, LongAdder> waits =
            new EnumMap<>(ThrottledWaitObservationContext.Source.class);
    private final LongAdder waitedNanos = new LongAdder();
    /** Latency of calls, in microseconds. */
    private final LogHistogram latency = new LogHistogram();

    /** Metrics timed by {@code nanoTime} (tests pass a virtual clock). */
    CallMetrics(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (OutcomeKind kind : OutcomeKind.values()) {
            outcomes.put(kind, new LongAdder());
        }
        for (Unavailable.Reason reason : Unavailable.Reason.values()) {
            retriesAsked.put(reason, new LongAdder());
        }
        for (ThrottledWaitObservationContext.Source source : ThrottledWaitObservationContext.Source.values()) {
            waits.put(source, new LongAdder());
        }
    }

    /** A registry whose only handler is {@code metrics}. */
    static ObservationRegistry registryFor(CallMetrics metrics) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(metrics);
        return registry;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof OperationObservationContext || context instanceof AttemptObservationContext
                || context instanceof ThrottledWaitObservationContext;
    }

    @Override
    public void onStart(Observation.Context context) {
        context.put(STARTED, nanoTime.getAsLong());
    }

    @Override
    public void onStop(Observation.Context context) {
        Long started = context.get(STARTED);
        long elapsed = started == null ? 0 : Math.max(0, nanoTime.getAsLong() - started);
        if (context instanceof OperationObservationContext operation) {
            operation.outcomeKind().ifPresentOrElse(kind -> outcomes.get(kind).increment(), threw::increment);
            latency.record(elapsed / 1_000);
        } else if (context instanceof AttemptObservationContext attempt) {
            attempts.increment();
            attempt.retryReason().ifPresent(reason -> retriesAsked.get(reason).increment());
        } else if (context instanceof ThrottledWaitObservationContext wait) {
            waits.get(wait.source()).increment();
            waitedNanos.add(elapsed);
        }
    }

    /** The summary: four lines, or one when no call was made. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        long calls = latency.count();
        if (calls == 0) {
            lines.add("metrics: no calls");
            return lines;
        }
        List<String> byOutcome = new ArrayList<>();
        outcomes.forEach((kind, count) -> {
            if (count.sum() > 0) {
                byOutcome.add(kind.value() + " " + count.sum());
            }
        });
        if (threw.sum() > 0) {
            byOutcome.add("error " + threw.sum());
        }
        lines.add("metrics: " + calls + (calls == 1 ? " call" : " calls") + " (" + String.join(", ", byOutcome) + ")");
        List<String> retries = new ArrayList<>();
        long asked = 0;
        for (Map.Entry<Unavailable.Reason, LongAdder> e : retriesAsked.entrySet()) {
            if (e.getValue().sum() > 0) {
                retries.add(e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue().sum());
                asked += e.getValue().sum();
            }
        }
        lines.add("  attempts: " + attempts.sum() + (asked == 0 ? ", none asked for a retry"
                : ", " + asked + " asked for a retry (" + String.join(", ", retries) + ")"));
        long waited = waits.values().stream().mapToLong(LongAdder::sum).sum();
        lines.add("  throttled waits: " + waited + (waited == 0 ? ""
                : " (retry_after " + waits.get(ThrottledWaitObservationContext.Source.RETRY_AFTER).sum()
                        + ", shared_pause " + waits.get(ThrottledWaitObservationContext.Source.SHARED_PAUSE).sum()
                        + "), " + format(Duration.ofNanos(waitedNanos.sum())) + " in total"));
        lines.add("  latency: p50 " + format(micros(latency.quantile(0.50))) + ", p95 "
                + format(micros(latency.quantile(0.95))) + ", max " + format(micros(latency.max())));
        return lines;
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1_000);
    }

    /** {@code 0.4 ms}, {@code 120 ms}, {@code 57.3 s}, {@code 2 min 05 s}. */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000) {
            return (nanos / 1_000_000) + " ms";
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        }
        long seconds = d.toSeconds();
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
