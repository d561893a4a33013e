package io.github.pcqualification.app.bulk;

/**
 * What makes a bulk run resumable: which positions earlier runs finished for good, and a durable record of each row
 * as it finishes. {@link FileBulkJournal} is one; a platform may keep it in its own database instead.
 *
 * <p>{@link #isDone} is asked once per row, from the thread that called the run, before the row is sent;
 * {@link #record} is called for every row that finishes, from that thread and from the run's workers at once, so it
 * must be thread-safe. A row is delivered to the run's callback only after {@code record} returned: a result that
 * could not be recorded is never reported. If {@code record} throws (a full disk), the run stops sending, waits for
 * the rows in flight and throws that exception.
 */
public interface BulkJournal {

    /**
     * Whether an earlier run finished the row at {@code position} for good ({@link BulkResult#isFinal()}); such rows
     * are skipped: nothing is sent and nothing is delivered for them.
     *
     * @param position a row's position
     * @return true to skip the row
     */
    boolean isDone(long position);

    /**
     * Records a finished row; returns once the record is durable (what happens when the process is killed
     * right after this returns is the journal's promise).
     *
     * @param result how the row ended
     * @throws java.io.UncheckedIOException (or another runtime exception) if it cannot be recorded: the run stops
     */
    void record(BulkResult<?> result);

    /**
     * No journal: nothing is done before, nothing is recorded (the default of a run).
     *
     * @return a journal that keeps nothing
     */
    static BulkJournal none() {
        return NoJournal.INSTANCE;
    }
}

/** The journal that keeps nothing. */
enum NoJournal implements BulkJournal {
    INSTANCE;

    @Override
    public boolean isDone(long position) {
        return false;
    }

    @Override
    public void record(BulkResult<?> result) {
        // nothing kept
    }
}
