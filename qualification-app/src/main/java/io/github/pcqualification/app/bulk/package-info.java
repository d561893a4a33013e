/**
 * Bulk qualification from code: rows from any source (a {@code List}, a {@code Stream}, a database cursor) through
 * the same client, at a bounded concurrency, with duplicate detection, a resumable journal and results in input
 * order.
 *
 * <pre>{@code
 * BulkSummary summary = BulkUpdates.over(pc).concurrency(32)
 *         .progress(p -> System.err.println(p.done() + " done"), Duration.ofSeconds(1))
 *         .build()
 *         .run(requests, result -> System.out.println(result.position() + " " + result.isError()));
 * }</pre>
 *
 * <p>{@link io.github.pcqualification.app.bulk.BulkUpdates} is the engine, {@link io.github.pcqualification.app.bulk.BulkResult}
 * each row's typed result, {@link io.github.pcqualification.app.bulk.BulkJournal} what makes a run resumable
 * ({@link io.github.pcqualification.app.bulk.FileBulkJournal} keeps it in a file) and
 * {@link io.github.pcqualification.app.bulk.BulkProgressListener} what a progress display listens to.
 */
package io.github.pcqualification.app.bulk;
