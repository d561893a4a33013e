package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A qualification as the service reported it: a {@link Known} value, or an {@link Unknown} one that
 * keeps the raw text (the enum has grown before; strict clients broke).
 */
public sealed interface ReportedQualification {

    /** Parses the service's text, case-insensitively, keeping anything unrecognised raw. */
    static ReportedQualification fromWire(String raw) {
        checkNotNull(raw, "raw qualification");
        return Qualification.fromName(raw)
                .<ReportedQualification>map(Known::new)
                .orElseGet(() -> new Unknown(raw));
    }

    static ReportedQualification of(Qualification value) {
        return new Known(value);
    }

    /** True if this is exactly the given known value. */
    default boolean is(Qualification value) {
        return this instanceof Known known && known.value() == value;
    }

    /** A value this library knows. */
    record Known(Qualification value) implements ReportedQualification {
        public Known {
            checkNotNull(value, "qualification");
        }

        @Override
        public String toString() {
            return value.wireName();
        }
    }

    /** A value this library does not know, kept exactly as the service sent it. */
    record Unknown(String raw) implements ReportedQualification {
        public Unknown {
            checkNotNull(raw, "raw qualification");
        }

        @Override
        public String toString() {
            return raw;
        }
    }
}
