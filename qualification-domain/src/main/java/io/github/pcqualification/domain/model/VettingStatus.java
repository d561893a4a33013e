package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.function.Function;

/**
 * The vetting status of an asynchronously requested qualification. An open set: {@link Known}
 * statuses, or an {@link Unknown} one kept raw.
 */
public sealed interface VettingStatus {

    /** The statuses the docs name. */
    enum State {
        /** The service has not decided yet; what an asynchronous request starts with. */
        IN_REVIEW("InReview"),
        /** The qualification was granted. */
        APPROVED("Approved"),
        /** The qualification was refused; the vetting's reason usually says why. */
        DENIED("Denied");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        /**
         * The name the service uses.
         *
         * @return {@code InReview}, {@code Approved} or {@code Denied}
         */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * Parses the service's text case-insensitively (ignoring {@code _}, {@code -} and spaces), keeping unknown
     * values raw.
     *
     * @param raw the status as the service sent it
     * @return a {@link Known} status, or an {@link Unknown} one holding {@code raw}
     * @throws NullPointerException if {@code raw} is null
     */
    static VettingStatus fromWire(String raw) {
        checkNotNull(raw, "raw vetting status");
        String key = Qualification.normalize(raw);
        for (State s : State.values()) {
            if (s.wireName.toLowerCase(Locale.ROOT).equals(key)) {
                return new Known(s);
            }
        }
        return new Unknown(raw);
    }

    /**
     * Applies the function for this status's variant, and only that one.
     *
     * @param known for a {@link Known} status
     * @param unknown for an {@link Unknown} status
     * @param <R> what the functions return
     * @return what the chosen function returned
     * @throws NullPointerException if a function is null
     */
    <R> R fold(Function<? super Known, ? extends R> known, Function<? super Unknown, ? extends R> unknown);

    /**
     * A known status.
     *
     * @param state the state
     * @return it as a {@link Known} status
     */
    static VettingStatus of(State state) {
        return new Known(state);
    }

    /**
     * A status this library knows.
     *
     * @param state the state
     */
    record Known(State state) implements VettingStatus {
        /**
         * Checks the state.
         *
         * @param state the state
         * @throws NullPointerException if {@code state} is null
         */
        public Known {
            checkNotNull(state, "vetting state");
        }

        @Override
        public String toString() {
            return state.wireName();
        }

        @Override
        public <R> R fold(Function<? super Known, ? extends R> known, Function<? super Unknown, ? extends R> unknown) {
            checkNotNull(known, "known");
            checkNotNull(unknown, "unknown");
            return known.apply(this);
        }
    }

    /**
     * A status this library does not know, exactly as sent.
     *
     * @param raw the text the service sent
     */
    record Unknown(String raw) implements VettingStatus {
        /**
         * Keeps the text.
         *
         * @param raw the text the service sent
         * @throws NullPointerException if {@code raw} is null
         */
        public Unknown {
            checkNotNull(raw, "raw vetting status");
        }

        @Override
        public String toString() {
            return raw;
        }

        @Override
        public <R> R fold(Function<? super Known, ? extends R> known, Function<? super Unknown, ? extends R> unknown) {
            checkNotNull(known, "known");
            checkNotNull(unknown, "unknown");
            return unknown.apply(this);
        }
    }
}
