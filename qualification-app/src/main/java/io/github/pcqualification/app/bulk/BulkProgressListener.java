package io.github.pcqualification.app.bulk;

/**
 * Told how a bulk run is going: after rows finish (at most once per interval) and at each interval while the run
 * waits (for a {@code Retry-After}, say), and once at the end. Called from the thread that called the run, never
 * from two threads at once; keep it quick. An exception it throws stops the run.
 */
@FunctionalInterface
public interface BulkProgressListener {

    /**
     * Receives the run's figures.
     *
     * @param progress a snapshot, taken now
     */
    void onProgress(BulkProgress progress);
}
