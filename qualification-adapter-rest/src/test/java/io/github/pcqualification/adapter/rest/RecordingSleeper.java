package io.github.pcqualification.adapter.rest;

import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait asked for and moves the clock by it instead of sleeping. */
final class RecordingSleeper implements Sleeper {

    private final TestClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile boolean interruptNext;

    RecordingSleeper(TestClock clock) {
        this.clock = clock;
    }

    /** The next wait ends as if the thread had been interrupted. */
    void interruptNext() {
        interruptNext = true;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        waits.add(d);
        if (interruptNext) {
            interruptNext = false;
            throw new InterruptedException("test interrupt");
        }
        clock.advance(d);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
