package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a value in every form text can carry it: as it is, and with any of its characters JSON-escaped
 * ({@code \u002d}, {@code \/}), percent-encoded as UTF-8 ({@code %2D}) or written as an HTML character reference
 * ({@code &#45;}, {@code &#x2d;}), mixed freely. Used to cut secrets out of answers before anyone decodes them.
 */
public final class EncodedForms {

    private EncodedForms() {}

    /**
     * A regular expression matching {@code value} in any of its encoded forms.
     *
     * @param value the text to find
     * @return the expression, for {@link Pattern#compile(String)}
     */
    public static String regex(String value) {
        checkNotNull(value, "value");
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> regex.append(anyForm(c)));
        return regex.toString();
    }

    /** One character as itself, JSON-escaped, percent-encoded (UTF-8) or as an HTML character reference. */
    private static String anyForm(int c) {
        StringBuilder forms = new StringBuilder("(?:").append(Pattern.quote(Character.toString(c)));
        if (c < 0x10000) {
            forms.append("|\\\\u").append(caseless(String.format(Locale.ROOT, "%04x", c)));
        }
        if (c == '/') {
            forms.append("|\\\\/");
        }
        forms.append('|');
        for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
            forms.append('%').append(caseless(String.format(Locale.ROOT, "%02x", b & 0xff)));
        }
        forms.append("|&#0*").append(c).append(';');
        forms.append("|&#[xX]0*").append(caseless(Integer.toHexString(c))).append(';');
        return forms.append(')').toString();
    }

    private static String caseless(String hex) {
        StringBuilder out = new StringBuilder();
        for (char h : hex.toCharArray()) {
            out.append(Character.isLetter(h) ? "[" + Character.toLowerCase(h) + Character.toUpperCase(h) + "]" : h);
        }
        return out.toString();
    }
}
