package io.github.pcqualification.cli.bulk;

import java.util.Locale;
import java.util.Optional;

/** The outcome column of a bulk report row. */
public enum RowOutcome {
    /** The service set (or, asynchronously, accepted) the qualification. */
    UPDATED,
    /** The customer already held the qualification. */
    UNCHANGED,
    /** The row was refused before anything was sent (bad value, or a rule the request breaks). */
    INVALID,
    /** The service refused it (a rule, no relationship, unknown customer...): final, do not retry as is. */
    REJECTED,
    /** No usable answer after retries (transport, timeout, 5xx, throttled): safe to run again. */
    FAILED,
    /** The customer was listed on an earlier line; it was sent once, for that line. */
    DUPLICATE,
    /** {@code --dry-run}: valid, and this is what would be sent. */
    WOULD_SEND;

    /**
     * The text in the report.
     *
     * @return the name in lower case with {@code -} for {@code _}, e.g. {@code updated}, {@code would-send}
     */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<RowOutcome> fromText(String text) {
        for (RowOutcome o : values()) {
            if (o.text().equals(text)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
