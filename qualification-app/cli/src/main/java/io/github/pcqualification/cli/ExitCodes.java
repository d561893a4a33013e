package io.github.pcqualification.cli;

import io.github.pcqualification.cli.bulk.BulkJob;
import io.github.pcqualification.cli.bulk.RowOutcome;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;

/** The command-line tool's exit codes, one per kind of outcome. */
public final class ExitCodes {

    /** Success: updated, unchanged, found, listed. */
    public static final int OK = 0;
    /** Anything unexpected (a bug: please report it). */
    public static final int UNEXPECTED = 1;
    /** Invalid input or usage, including a file, directory or port of the user's that cannot be used; nothing was sent. */
    public static final int INVALID = 2;
    /** Rejected by a rule or by the service (including not found). */
    public static final int REJECTED = 3;
    /**
     * Unavailable: transport failure, timeout, 5xx or throttled, after retries; or this machine gave out mid-run
     * (disk full, out of memory). Rerunning the same command after the fix resumes a bulk run with a journal.
     */
    public static final int UNAVAILABLE = 4;
    /** Authentication failed: no usable token, an App-only token for an update, or Partner Center refused it. */
    public static final int AUTHENTICATION = 5;

    private ExitCodes() {}

    /**
     * The exit code for the outcome of an update.
     *
     * @param outcome the outcome of the command's update
     * @return {@link #OK} for {@code Updated} or {@code Unchanged}, else the code of the failure, see
     *     {@link #of(Failure)}
     * @throws NullPointerException if {@code outcome} is null
     */
    public static int of(UpdateOutcome outcome) {
        return outcome.foldUpdate(updated -> OK, unchanged -> OK, ExitCodes::of);
    }

    /**
     * The exit code for the outcome of a read.
     *
     * @param outcome the outcome of the command's read
     * @return {@link #OK} for {@code Found}, else the code of the failure, see {@link #of(Failure)}
     * @throws NullPointerException if {@code outcome} is null
     */
    public static int of(GetOutcome outcome) {
        return outcome.foldGet(found -> OK, ExitCodes::of);
    }

    /**
     * The exit code for the outcome of listing the validation codes.
     *
     * @param outcome the outcome of the command's listing
     * @return {@link #OK} for {@code CodesListed}, else the code of the failure, see {@link #of(Failure)}
     * @throws NullPointerException if {@code outcome} is null
     */
    public static int of(CodesOutcome outcome) {
        return outcome.foldCodes(listed -> OK, ExitCodes::of);
    }

    /**
     * The exit code for the outcome of listing a customer's linked validations.
     *
     * @param outcome the outcome of the command's listing
     * @return {@link #OK} for {@code ValidationsListed} (also when it lists none), else the code of the failure, see
     *     {@link #of(Failure)}
     * @throws NullPointerException if {@code outcome} is null
     */
    public static int of(ValidationsOutcome outcome) {
        return outcome.foldValidations(listed -> OK, ExitCodes::of);
    }

    /**
     * The exit code for a failure, by its kind.
     *
     * @param failure the failure of the command's operation
     * @return {@link #INVALID} for an invalid request, {@link #REJECTED} for a rejection or not found,
     *     {@link #UNAVAILABLE} when the service was unavailable, {@link #AUTHENTICATION} when authentication failed
     * @throws NullPointerException if {@code failure} is null
     */
    public static int of(Failure failure) {
        return failure.foldFailure(invalid -> INVALID, rejected -> REJECTED, notFound -> REJECTED,
                unavailable -> UNAVAILABLE, authenticationFailed -> AUTHENTICATION);
    }

    /**
     * The exit code for a bulk run, by its worst row.
     *
     * @param summary how the run ended
     * @return {@link #AUTHENTICATION} when the job stopped sending because authentication failed, else
     *     {@link #UNAVAILABLE} when some rows failed (transiently, or not sent), else {@link #REJECTED} when some were
     *     invalid or rejected, else {@link #OK}
     * @throws NullPointerException if {@code summary} is null
     */
    public static int of(BulkJob.Summary summary) {
        if (summary.stoppedBy().isPresent()) {
            return AUTHENTICATION;
        }
        if (summary.count(RowOutcome.FAILED) > 0) {
            return UNAVAILABLE;
        }
        return summary.count(RowOutcome.INVALID) + summary.count(RowOutcome.REJECTED) > 0 ? REJECTED : OK;
    }
}
