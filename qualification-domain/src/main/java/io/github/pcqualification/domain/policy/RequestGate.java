package io.github.pcqualification.domain.policy;

import java.time.Duration;

/**
 * A gate every attempt passes before it is sent, shared by many threads: it can cap the
 * request rate and pause everyone when the service throttles. {@link ResilientPorts} calls {@link #awaitTurn()}
 * before each attempt (retries included) and {@link #throttled(Duration)} when an attempt was throttled.
 */
public interface RequestGate {

    /**
     * Blocks until the caller may send.
     *
     * @throws InterruptedException if the thread is interrupted while it waits; the request is then not sent
     */
    void awaitTurn() throws InterruptedException;

    /**
     * Tells the gate that the service throttled a request.
     *
     * @param retryAfter how long the service asked to wait before the next request
     */
    void throttled(Duration retryAfter);

    /**
     * A gate that never waits and ignores throttling ({@link ResilientPorts} still honours {@code Retry-After} in its
     * own retries).
     *
     * @return the shared open gate
     */
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
