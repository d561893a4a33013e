package io.github.pcqualification.app.observation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.Locale;

/**
 * Observation context of a wait the service's throttling caused ({@link QualificationObservationDocumentation#THROTTLED_WAIT}):
 * where it comes from and how long it was expected to last.
 */
public final class ThrottledWaitObservationContext extends Observation.Context {

    /** What makes the caller wait. */
    public enum Source {
        /** The retry's wait after a throttled attempt: its {@code Retry-After}, or a longer backoff. */
        RETRY_AFTER,
        /** A {@code SharedThrottle}'s job-wide pause, started by a throttled request (maybe of another thread). */
        SHARED_PAUSE;

        /**
         * The key value.
         *
         * @return the name in lower case, such as {@code retry_after}
         */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Source source;
    private final Duration expected;

    /**
     * A context for a wait about to begin.
     *
     * @param source why the caller waits
     * @param expected how long the wait should last: the sleep asked for, or what was left of the pause when the
     *     wait began; on virtual time (tests) this is the time waited
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if {@code expected} is negative
     */
    public ThrottledWaitObservationContext(Source source, Duration expected) {
        this.source = checkNotNull(source, "source");
        checkNotNull(expected, "expected");
        checkArgument(!expected.isNegative(), "expected must not be negative, got %s", expected);
        this.expected = expected;
    }

    /**
     * Why the caller waits.
     *
     * @return the source
     */
    public Source source() {
        return source;
    }

    /**
     * How long the wait should last, as planned when it began.
     *
     * @return the planned wait
     */
    public Duration expected() {
        return expected;
    }
}
