package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import java.time.Duration;
import java.util.Optional;

/**
 * No usable answer, for a reason that may pass: the connection failed or timed out, the service
 * answered 5xx or throttled, or its answer could not be read. {@code retryAfter} is the service's
 * {@code Retry-After} when it gave one, so the caller can schedule a later try; {@code attempts} is
 * how many requests were sent.
 *
 * @param reason why no usable answer came
 * @param error what is known of the last failure
 * @param retryAfter the service's {@code Retry-After}, if it sent one
 * @param attempts how many requests were sent (0 when none could be)
 * @param context the ids of the operation
 */
public record Unavailable(Reason reason, ErrorDetail error, Optional<Duration> retryAfter, int attempts,
        OperationContext context) implements Failure {

    /** Why no usable answer came. */
    public enum Reason {
        /** The connection could not be made or broke. */
        CONNECTION_FAILED,
        /** No answer within the timeout or the operation's deadline. */
        TIMED_OUT,
        /** The service answered a failure that may pass (over REST: 408, 500, 502, 503 or 504). */
        SERVER_ERROR,
        /** The service throttled the request (over REST: 429). */
        THROTTLED,
        /** The service answered, but not with anything this operation can read (wrong shape, too large). */
        MALFORMED_RESPONSE,
        /**
         * The service failed in a way another attempt would not change (over REST: 501, 505 or another 5xx that is
         * not transient).
         */
        PERMANENT_SERVER_ERROR
    }

    /**
     * Checks the components.
     *
     * @param reason why no usable answer came
     * @param error what is known of the last failure
     * @param retryAfter the service's {@code Retry-After}, or empty
     * @param attempts how many requests were sent; not negative
     * @param context the ids of the operation
     * @throws NullPointerException if any object component is null
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public Unavailable {
        checkNotNull(reason, "reason");
        checkNotNull(error, "error");
        checkNotNull(retryAfter, "retryAfter");
        checkArgument(attempts >= 0, "attempts must not be negative");
        checkNotNull(context, "context");
    }

    /**
     * Whether another attempt may succeed: a connection failure, a timeout, a transient server error or throttling.
     * An unreadable answer or a permanent server error is final. Retrying policies read this, never a status.
     *
     * @return true if a retry is worth its cost
     */
    public boolean isTransient() {
        return reason == Reason.CONNECTION_FAILED || reason == Reason.TIMED_OUT || reason == Reason.SERVER_ERROR
                || reason == Reason.THROTTLED;
    }

    /**
     * The same failure, counting {@code attempts} requests for the whole operation.
     *
     * @param attempts the requests sent for the operation; not negative
     * @return a copy with that count
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public Unavailable withAttempts(int attempts) {
        return new Unavailable(reason, error, retryAfter, attempts, context);
    }

    /** The reason, the number of attempts, the error's summary and any {@code Retry-After}, in one line. */
    @Override
    public String message() {
        String base = "unavailable (" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ", " + attempts + (attempts == 1 ? " attempt" : " attempts") + "): " + error.summary();
        return retryAfter.map(d -> base + "; retry after " + d.toSeconds() + "s").orElse(base);
    }

    @Override
    public <R> R foldFailure(java.util.function.Function<? super InvalidRequest, ? extends R> invalid,
            java.util.function.Function<? super Rejected, ? extends R> rejected,
            java.util.function.Function<? super NotFound, ? extends R> notFound,
            java.util.function.Function<? super Unavailable, ? extends R> unavailable,
            java.util.function.Function<? super AuthenticationFailed, ? extends R> authenticationFailed) {
        checkNotNull(invalid, "invalid");
        checkNotNull(rejected, "rejected");
        checkNotNull(notFound, "notFound");
        checkNotNull(unavailable, "unavailable");
        checkNotNull(authenticationFailed, "authenticationFailed");
        return unavailable.apply(this);
    }
}
