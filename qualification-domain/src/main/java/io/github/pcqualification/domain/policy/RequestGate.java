package io.github.pcqualification.domain.policy;

import java.time.Duration;

/**
 * A gate every request of an adapter passes before it is sent, shared by many threads: it can cap the
 * request rate and pause everyone when the service throttles. The adapter calls {@link #awaitTurn()}
 * before each attempt (retries included) and {@link #throttled(Duration)} when an answer is {@code 429}.
 */
public interface RequestGate {

    /** Blocks until the caller may send. */
    void awaitTurn() throws InterruptedException;

    /** The service throttled a request and asked for {@code retryAfter} before the next. */
    void throttled(Duration retryAfter);

    /** A gate that never waits. */
    static RequestGate open() {
        return OpenGate.INSTANCE;
    }
}

/** The gate that never waits. */
enum OpenGate implements RequestGate {
    INSTANCE;

    @Override
    public void awaitTurn() {}

    @Override
    public void throttled(Duration retryAfter) {}
}
