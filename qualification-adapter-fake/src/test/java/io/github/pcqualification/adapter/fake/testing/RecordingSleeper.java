package io.github.pcqualification.adapter.fake.testing;

import io.github.pcqualification.domain.policy.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double: a {@link Sleeper} that records each requested wait and returns at once. Thread-safe. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** A sleeper that has recorded nothing yet. */
    public RecordingSleeper() {}

    /**
     * Records {@code duration} and returns at once.
     *
     * @param duration the wait asked for
     */
    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    /**
     * The waits requested so far.
     *
     * @return a snapshot, in the order they were asked for
     */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
