package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import java.time.Duration;
import java.util.Optional;

/**
 * How a bulk run ended.
 *
 * @param done the rows finished and delivered in this run
 * @param resumed the rows skipped because the journal showed them done before
 * @param finalErrors rows that ended in an error a rerun would repeat
 * @param transientErrors rows that ended without an answer, which a rerun sends again
 * @param elapsed the run's time, on its clock
 * @param stoppedBy the authentication failure that stopped the run sending, if one did
 */
public record BulkSummary(long done, long resumed, long finalErrors, long transientErrors, Duration elapsed,
        Optional<AuthenticationFailed> stoppedBy) {

    /**
     * Checks the figures.
     *
     * @param done not negative
     * @param resumed not negative
     * @param finalErrors not negative
     * @param transientErrors not negative
     * @param elapsed not negative
     * @param stoppedBy the failure, or empty
     */
    public BulkSummary {
        checkArgument(done >= 0 && resumed >= 0 && finalErrors >= 0 && transientErrors >= 0,
                "counts are not negative");
        checkArgument(!checkNotNull(elapsed, "elapsed").isNegative(), "elapsed is not negative");
        checkNotNull(stoppedBy, "stoppedBy");
    }
}
