package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * An education customer's website, as the asynchronous API takes it: a host name such as
 * {@code contoso.edu}, optionally with a scheme and path. At most 253 characters of visible ASCII.
 */
public record Website(String value) {

    private static final Pattern ALLOWED = Pattern.compile("(https?://)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?(/[\\x21-\\x7e]*)?");

    public Website {
        checkNotNull(value, "website");
        checkArgument(value.length() <= 253 && ALLOWED.matcher(value).matches(),
                "website must be a host name such as contoso.edu, got '%s'", Printable.shorten(value));
    }

    public static Website of(String value) {
        return new Website(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
