package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * The vetting status of an asynchronously requested qualification. An open set: {@link Known}
 * statuses, or an {@link Unknown} one kept raw.
 */
public sealed interface VettingStatus {

    /** The statuses the docs name. */
    enum State {
        IN_REVIEW("InReview"),
        APPROVED("Approved"),
        DENIED("Denied");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Parses the service's text case-insensitively (ignoring {@code _} and {@code -}), keeping unknown values raw. */
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

    static VettingStatus of(State state) {
        return new Known(state);
    }

    /** A status this library knows. */
    record Known(State state) implements VettingStatus {
        public Known {
            checkNotNull(state, "vetting state");
        }

        @Override
        public String toString() {
            return state.wireName();
        }
    }

    /** A status this library does not know, exactly as sent. */
    record Unknown(String raw) implements VettingStatus {
        public Unknown {
            checkNotNull(raw, "raw vetting status");
        }

        @Override
        public String toString() {
            return raw;
        }
    }
}
