package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Function;

/**
 * A qualification as the service reported it: a {@link Known} value, or an {@link Unknown} one that
 * keeps the raw text (the enum has grown before; strict clients broke).
 */
public sealed interface ReportedQualification {

    /**
     * Parses the service's text, case-insensitively, keeping anything unrecognised raw.
     *
     * @param raw the value as the service sent it
     * @return a {@link Known} value, or an {@link Unknown} one holding {@code raw}
     * @throws NullPointerException if {@code raw} is null
     */
    static ReportedQualification fromWire(String raw) {
        checkNotNull(raw, "raw qualification");
        return Qualification.fromName(raw)
                .<ReportedQualification>map(Known::new)
                .orElseGet(() -> new Unknown(raw));
    }

    /**
     * Applies the function for this qualification's variant, and only that one.
     *
     * @param known for a {@link Known} qualification
     * @param unknown for an {@link Unknown} qualification
     * @param <R> what the functions return
     * @return what the chosen function returned
     * @throws NullPointerException if a function is null
     */
    <R> R fold(Function<? super Known, ? extends R> known, Function<? super Unknown, ? extends R> unknown);

    /**
     * A known value.
     *
     * @param value the qualification
     * @return it as a {@link Known} value
     */
    static ReportedQualification of(Qualification value) {
        return new Known(value);
    }

    /**
     * Whether this is exactly the given known value.
     *
     * @param value the value to compare with
     * @return true if this is {@link Known} and holds {@code value}; false for any {@link Unknown} value
     */
    default boolean is(Qualification value) {
        return fold(known -> known.value() == value, unknown -> false);
    }

    /**
     * A value this library knows.
     *
     * @param value the qualification
     */
    record Known(Qualification value) implements ReportedQualification {
        /**
         * Checks the value.
         *
         * @param value the qualification
         * @throws NullPointerException if {@code value} is null
         */
        public Known {
            checkNotNull(value, "qualification");
        }

        @Override
        public String toString() {
            return value.wireName();
        }

        @Override
        public <R> R fold(Function<? super Known, ? extends R> known, Function<? super Unknown, ? extends R> unknown) {
            checkNotNull(known, "known");
            checkNotNull(unknown, "unknown");
            return known.apply(this);
        }
    }

    /**
     * A value this library does not know, kept exactly as the service sent it.
     *
     * @param raw the text the service sent
     */
    record Unknown(String raw) implements ReportedQualification {
        /**
         * Keeps the text.
         *
         * @param raw the text the service sent
         * @throws NullPointerException if {@code raw} is null
         */
        public Unknown {
            checkNotNull(raw, "raw qualification");
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
