package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * An education customer's website, as the asynchronous API takes it: a host name such as
 * {@code contoso.edu}, optionally with a scheme and path. At most 253 characters of visible ASCII.
 *
 * @param value the website as given
 */
public record Website(String value) {

    private static final Pattern ALLOWED = Pattern.compile("(https?://)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?(/[\\x21-\\x7e]*)?");

    /**
     * Checks the website.
     *
     * @param value a host name with at least one dot, optionally with {@code http://} or {@code https://}, a port
     *     and a path
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is longer than 253 characters or not of that form
     */
    public Website {
        checkNotNull(value, "website");
        checkArgument(value.length() <= 253 && ALLOWED.matcher(value).matches(),
                "website must be a host name such as contoso.edu, got '%s'", Printable.shorten(value));
    }

    /**
     * Checks and wraps a website.
     *
     * @param value a host name such as {@code contoso.edu}, optionally with scheme, port and path
     * @return the website
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not of that form
     */
    public static Website of(String value) {
        return new Website(value);
    }

    /** The website as given. */
    @Override
    public String toString() {
        return value;
    }
}
