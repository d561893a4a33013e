package io.github.pcqualification.cli.bulk;

import java.io.IOException;

/**
 * The journal or report could not be written (most often a full disk): the job stopped sending at the first
 * failed write, so no result was produced that could not be recorded. A rerun with the same journal resumes.
 */
public final class BulkWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Whether the run had a journal. */
    private final boolean journaled;
    /** The rows recorded in this run before the failure. */
    private final long finished;

    /**
     * The failure of a run.
     *
     * @param cause the failed write, its message naming the file
     * @param journaled whether the run had a journal
     * @param finished the rows recorded in this run before the failure
     */
    public BulkWriteException(IOException cause, boolean journaled, long finished) {
        super(cause.getMessage(), cause);
        this.journaled = journaled;
        this.finished = finished;
    }

    /**
     * Whether the run had a journal (which keeps every row recorded before the failure).
     *
     * @return true with {@code --journal}
     */
    public boolean journaled() {
        return journaled;
    }

    /**
     * The rows recorded in this run before the failure.
     *
     * @return how many rows finished and were written
     */
    public long finished() {
        return finished;
    }
}
