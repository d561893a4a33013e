package io.github.pcqualification.adapter.fake.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.policy.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test double: virtual time. A {@link Sleeper} that records each requested wait, moves its {@link #clock()} on by
 * it and returns at once, so retries, {@code Retry-After} waits, deadlines and scripted latency cost no real time.
 * Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {

    /** Where a sleeper's clock starts unless told otherwise. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now;

    /** A sleeper that has recorded nothing yet, its clock at {@link #EPOCH}. */
    public RecordingSleeper() {
        this(EPOCH);
    }

    /**
     * A sleeper that has recorded nothing yet, its clock at {@code start}.
     *
     * @param start the virtual clock's first instant
     * @throws NullPointerException if {@code start} is null
     */
    public RecordingSleeper(Instant start) {
        this.now = new AtomicReference<>(checkNotNull(start, "start"));
    }

    /**
     * Records {@code duration}, moves the clock on by it and returns at once.
     *
     * @param duration the wait asked for
     */
    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * The waits requested so far.
     *
     * @return a snapshot, in the order they were asked for
     */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /**
     * The virtual clock: it stands still but for the waits this sleeper is asked for.
     *
     * @return a UTC clock reading this sleeper's time
     */
    public Clock clock() {
        return new VirtualClock(now, ZoneOffset.UTC);
    }

    /** A clock reading the sleeper's time. */
    private static final class VirtualClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new VirtualClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
