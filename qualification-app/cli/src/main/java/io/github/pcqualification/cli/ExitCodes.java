package io.github.pcqualification.cli;

import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;

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
     * The exit code for an outcome.
     *
     * @param outcome the outcome of the command's operation
     * @return {@link #OK} for a success, else {@link #INVALID}, {@link #REJECTED} or {@link #UNAVAILABLE} by the
     *     kind of failure
     */
    public static int of(Outcome outcome) {
        if (!(outcome instanceof Failure)) {
            return OK;
        }
        if (outcome instanceof InvalidRequest) {
            return INVALID;
        }
        if (outcome instanceof Rejected || outcome instanceof NotFound) {
            return REJECTED;
        }
        if (outcome instanceof Unavailable) {
            return UNAVAILABLE;
        }
        if (outcome instanceof AuthenticationFailed) {
            return AUTHENTICATION;
        }
        return UNEXPECTED;
    }
}
