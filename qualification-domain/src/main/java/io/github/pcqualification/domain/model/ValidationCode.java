package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A partner's validation code ({@code validationId}), needed to set GovernmentCommunityCloud.
 *
 * <p>Opaque: the docs call it an int in one place and show a string in another, so it is kept as
 * text. Non-blank, at most 64 visible ASCII characters ({@code !} to {@code ~}); always URL-encoded
 * when sent.
 *
 * @param value the code
 */
public record ValidationCode(String value) {

    /** The longest code accepted, in characters. */
    public static final int MAX_LENGTH = 64;

    /**
     * Checks the code.
     *
     * @param value the code
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if it is empty, longer than {@link #MAX_LENGTH} or holds anything but
     *     visible ASCII
     */
    public ValidationCode {
        checkNotNull(value, "validation code");
        checkArgument(!value.isEmpty(), "validation code must not be empty");
        checkArgument(value.length() <= MAX_LENGTH,
                "validation code must be at most %s characters, got %s", MAX_LENGTH, value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                // The message is built only on failure: a valid code costs no string copies.
                throw new IllegalArgumentException(
                        "validation code must be visible ASCII characters only, got '" + Printable.shorten(value) + "'");
            }
        }
    }

    /**
     * Checks and wraps a code.
     *
     * @param value the code, 1 to {@link #MAX_LENGTH} visible ASCII characters
     * @return the code
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not a valid code
     */
    public static ValidationCode of(String value) {
        return new ValidationCode(value);
    }

    /** The code as given. */
    @Override
    public String toString() {
        return value;
    }
}
