package io.github.pcqualification.adapter.fake.testing;

import io.github.pcqualification.domain.policy.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double: a {@link Sleeper} that records each requested wait and returns at once. Thread-safe. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    /** The waits requested so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
