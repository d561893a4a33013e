package io.github.pcqualification.domain.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Test support (shipped in the domain's test-jar): a clock that stands still until a test moves it, in UTC.
 * Thread-safe: a move is seen at once by every thread.
 */
public final class TestClock extends Clock {

    /** Where a clock made with {@link #TestClock()} starts. */
    public static final Instant DEFAULT_START = Instant.parse("2026-12-04T10:00:00Z");

    private volatile Instant now;

    /**
     * A clock standing at {@code start}.
     *
     * @param start the first instant it tells
     */
    public TestClock(Instant start) {
        this.now = requireNonNull(start, "start");
    }

    /** A clock standing at {@link #DEFAULT_START}. */
    public TestClock() {
        this(DEFAULT_START);
    }

    /**
     * Moves the clock on.
     *
     * @param duration how far; negative moves it back
     */
    public void advance(Duration duration) {
        requireNonNull(duration, "duration");
        synchronized (this) {
            now = now.plus(duration);
        }
    }

    /**
     * Where the clock stands.
     *
     * @return the instant last set
     */
    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Always UTC.
     *
     * @return {@link ZoneOffset#UTC}
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock: the zone is not used.
     *
     * @param zone ignored
     * @return this clock, so a moved copy never goes stale
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
