package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Partner Center customer tenant id: a GUID, always held in canonical lower-case form.
 *
 * <p>It goes into a URL path, so parsing is strict: exactly {@code 8-4-4-4-12} hex digits, nothing
 * else (no braces, no whitespace, no look-alike characters). This check is a security boundary.
 *
 * @param value the tenant id
 */
public record CustomerId(UUID value) {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Wraps a tenant id already held as a {@link UUID}.
     *
     * @param value the tenant id
     * @throws NullPointerException if {@code value} is null
     */
    public CustomerId {
        checkNotNull(value, "customer id");
    }

    /**
     * Parses a customer id.
     *
     * @param text exactly 36 characters in the {@code 8-4-4-4-12} hex form, upper or lower case
     * @return the id, held in lower case
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException with a message naming the problem if {@code text} is not a GUID
     */
    public static CustomerId parse(String text) {
        checkNotNull(text, "customer id");
        if (text.length() != 36 || !CANONICAL.matcher(text).matches()) {
            // The message is built only on failure: a valid id costs no string copy.
            throw new IllegalArgumentException("customer id must be a GUID like 0a1b2c3d-0000-4000-8000-00000000abcd, got '"
                    + Printable.shorten(text) + "'");
        }
        return new CustomerId(UUID.fromString(text.toLowerCase(Locale.ROOT)));
    }

    /** The canonical lower-case text form, as sent on the wire. */
    @Override
    public String toString() {
        return value.toString();
    }
}
