package io.github.pcqualification.adapter.fake;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.time.Duration;
import java.util.function.Function;

/**
 * Fake support: a scripted fault, what the fake answers instead of (or, for {@link Latency}, before) the real
 * answer, as Partner Center would. Script it with {@link InMemoryPartnerCenter#failNext(int, Fault)}
 * or {@link InMemoryPartnerCenter#failFor(io.github.pcqualification.domain.model.CustomerId, int, Fault)}.
 */
public sealed interface Fault {

    /**
     * One function per kind of fault: the exhaustive means of branching on a fault (a new kind fails to compile
     * wherever faults are answered).
     *
     * @param throttled for {@link Throttled}
     * @param serverError for {@link ServerError}
     * @param rejection for {@link Rejection}
     * @param unauthorized for {@link Unauthorized}
     * @param latency for {@link Latency}
     * @param <R> the result
     * @return what the matching function returns
     * @throws NullPointerException if a function is null
     */
    <R> R fold(Function<? super Throttled, ? extends R> throttled, Function<? super ServerError, ? extends R> serverError,
            Function<? super Rejection, ? extends R> rejection, Function<? super Unauthorized, ? extends R> unauthorized,
            Function<? super Latency, ? extends R> latency);

    /**
     * {@code 429} with {@code Retry-After}: becomes {@code Unavailable(THROTTLED)} with that retry-after.
     *
     * @param retryAfter a non-negative whole number of seconds, at most {@link Throttled#MAX_SECONDS} (about 31
     *     years, the longest the REST adapter reads from a header)
     * @return the fault
     * @throws IllegalArgumentException if {@code retryAfter} is negative, longer, or has a fraction of a second
     */
    static Fault throttled(Duration retryAfter) {
        return new Throttled(retryAfter);
    }

    /**
     * {@code 503}: becomes {@code Unavailable(SERVER_ERROR)}.
     *
     * @return the fault
     */
    static Fault unavailable() {
        return new ServerError(503);
    }

    /**
     * {@code 408} or a {@code 5xx}: becomes {@code Unavailable(SERVER_ERROR)} with that status.
     *
     * @param status 408 or 500 to 599
     * @return the fault
     * @throws IllegalArgumentException for any other status
     */
    static Fault serverError(int status) {
        return new ServerError(status);
    }

    /**
     * A final refusal with an ApiFault body: becomes {@code Rejected} with that status, code and description.
     *
     * @param status a 4xx other than 404, 408 and 429
     * @param serviceCode the service's error code to answer with; not blank
     * @param description the error description to answer with; not blank
     * @return the fault
     * @throws IllegalArgumentException if the status is not such a 4xx or a text is blank
     */
    static Fault rejected(int status, String serviceCode, String description) {
        return new Rejection(status, serviceCode, description);
    }

    /**
     * {@code 401}, also to the retry with a renewed token (an expired or revoked sign-in): becomes
     * {@code AuthenticationFailed} with reason {@code REFUSED_BY_SERVICE}, as over REST.
     *
     * @return the fault
     */
    static Fault unauthorized() {
        return new Unauthorized();
    }

    /**
     * A slow answer: the fake waits {@code delay} (through its {@link Sleeper}), then answers normally.
     *
     * @param delay how long to wait; not negative
     * @return the fault
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    /**
     * Throttled; {@code retryAfter} is whole seconds, as the {@code Retry-After} header carries it.
     *
     * @param retryAfter the {@code Retry-After} to answer with
     */
    record Throttled(Duration retryAfter) implements Fault {
        /** The longest retry-after, in seconds: what the REST adapter clamps a header to. */
        public static final long MAX_SECONDS = 999_999_999L;

        /**
         * Checks the retry-after.
         *
         * @param retryAfter a non-negative whole number of seconds
         * @throws NullPointerException if {@code retryAfter} is null
         * @throws IllegalArgumentException if it is negative, longer than {@link #MAX_SECONDS} or has a fraction of a
         *     second
         */
        public Throttled {
            checkNotNull(retryAfter, "retryAfter");
            checkArgument(!retryAfter.isNegative() && retryAfter.toNanosPart() == 0
                    && retryAfter.getSeconds() <= MAX_SECONDS,
                    "retryAfter must be a whole number of seconds from 0 to %s, got %s", MAX_SECONDS, retryAfter);
        }

        @Override
        public <R> R fold(Function<? super Throttled, ? extends R> throttled,
                Function<? super ServerError, ? extends R> serverError, Function<? super Rejection, ? extends R> rejection,
                Function<? super Unauthorized, ? extends R> unauthorized, Function<? super Latency, ? extends R> latency) {
            checkNotNull(throttled, "throttled");
            checkNotNull(serverError, "serverError");
            checkNotNull(rejection, "rejection");
            checkNotNull(unauthorized, "unauthorized");
            checkNotNull(latency, "latency");
            return throttled.apply(this);
        }

    }

    /**
     * A transient server failure: {@code 408} or {@code 5xx}.
     *
     * @param status the HTTP status to answer with
     */
    record ServerError(int status) implements Fault {
        /**
         * Checks the status.
         *
         * @param status 408 or 500 to 599
         * @throws IllegalArgumentException for any other status
         */
        public ServerError {
            checkArgument(status == 408 || (status >= 500 && status <= 599),
                    "a server error is 408 or 5xx, got %s", status);
        }

        /**
         * How the service's clients read the status: 408, 500, 502, 503 and 504 may pass; any other 5xx will not.
         *
         * @return {@code SERVER_ERROR} for a transient status, {@code PERMANENT_SERVER_ERROR} for another
         */
        public Unavailable.Reason reason() {
            return status == 408 || status == 500 || status == 502 || status == 503 || status == 504
                    ? Unavailable.Reason.SERVER_ERROR : Unavailable.Reason.PERMANENT_SERVER_ERROR;
        }

        @Override
        public <R> R fold(Function<? super Throttled, ? extends R> throttled,
                Function<? super ServerError, ? extends R> serverError, Function<? super Rejection, ? extends R> rejection,
                Function<? super Unauthorized, ? extends R> unauthorized, Function<? super Latency, ? extends R> latency) {
            checkNotNull(throttled, "throttled");
            checkNotNull(serverError, "serverError");
            checkNotNull(rejection, "rejection");
            checkNotNull(unauthorized, "unauthorized");
            checkNotNull(latency, "latency");
            return serverError.apply(this);
        }

    }

    /**
     * A final 4xx refusal. Not 401 (see {@link Fault#unauthorized()}), 404 (not found), 408 (transient) or 429
     * (throttled): those have
     * their own meaning, and the REST adapter maps them to other outcomes.
     *
     * @param status the HTTP status to answer with
     * @param serviceCode the service's error code in the body
     * @param description the error description in the body
     */
    record Rejection(int status, String serviceCode, String description) implements Fault {
        /**
         * Checks the components.
         *
         * @param status a 4xx other than 404, 408 and 429
         * @param serviceCode the error code; not blank
         * @param description the error description; not blank
         * @throws NullPointerException if a text is null
         * @throws IllegalArgumentException if the status is not such a 4xx or a text is blank
         */
        public Rejection {
            checkArgument(status >= 400 && status <= 499 && status != 401 && status != 404 && status != 408
                    && status != 429, "a rejection is a 4xx other than 401 (Fault.unauthorized()), 404, 408 and 429,"
                    + " got %s", status);
            checkNotNull(serviceCode, "serviceCode");
            checkArgument(!serviceCode.isBlank(), "serviceCode must not be blank");
            checkNotNull(description, "description");
            checkArgument(!description.isBlank(), "description must not be blank");
        }

        /**
         * How the service's clients read the status: 400, 403 and 409 refuse the request itself; any other 4xx
         * means the request was not taken as sent.
         *
         * @return {@code REQUEST_REFUSED} for 400, 403 and 409, {@code NOT_ACCEPTED} for another
         */
        public Rejected.Reason reason() {
            return status == 400 || status == 403 || status == 409 ? Rejected.Reason.REQUEST_REFUSED
                    : Rejected.Reason.NOT_ACCEPTED;
        }

        @Override
        public <R> R fold(Function<? super Throttled, ? extends R> throttled,
                Function<? super ServerError, ? extends R> serverError, Function<? super Rejection, ? extends R> rejection,
                Function<? super Unauthorized, ? extends R> unauthorized, Function<? super Latency, ? extends R> latency) {
            checkNotNull(throttled, "throttled");
            checkNotNull(serverError, "serverError");
            checkNotNull(rejection, "rejection");
            checkNotNull(unauthorized, "unauthorized");
            checkNotNull(latency, "latency");
            return rejection.apply(this);
        }

    }

    /** The service refuses the operation's token, also after one renewal. */
    record Unauthorized() implements Fault {
        @Override
        public <R> R fold(Function<? super Throttled, ? extends R> throttled,
                Function<? super ServerError, ? extends R> serverError, Function<? super Rejection, ? extends R> rejection,
                Function<? super Unauthorized, ? extends R> unauthorized, Function<? super Latency, ? extends R> latency) {
            checkNotNull(throttled, "throttled");
            checkNotNull(serverError, "serverError");
            checkNotNull(rejection, "rejection");
            checkNotNull(unauthorized, "unauthorized");
            checkNotNull(latency, "latency");
            return unauthorized.apply(this);
        }

    }

    /**
     * A delay before the normal answer.
     *
     * @param delay how long the fake waits
     */
    record Latency(Duration delay) implements Fault {
        /**
         * Checks the delay.
         *
         * @param delay how long to wait; not negative
         * @throws NullPointerException if {@code delay} is null
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Latency {
            checkNotNull(delay, "delay");
            checkArgument(!delay.isNegative(), "delay must not be negative, got %s", delay);
        }

        @Override
        public <R> R fold(Function<? super Throttled, ? extends R> throttled,
                Function<? super ServerError, ? extends R> serverError, Function<? super Rejection, ? extends R> rejection,
                Function<? super Unauthorized, ? extends R> unauthorized, Function<? super Latency, ? extends R> latency) {
            checkNotNull(throttled, "throttled");
            checkNotNull(serverError, "serverError");
            checkNotNull(rejection, "rejection");
            checkNotNull(unauthorized, "unauthorized");
            checkNotNull(latency, "latency");
            return latency.apply(this);
        }

    }
}
