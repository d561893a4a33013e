package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * The one home of the rules that make untrusted text (input, answers of a service, exception messages) safe to
 * show: every module routes through these functions instead of keeping its own.
 *
 * <ul>
 *   <li>{@link #oneLine(String, int)}: prose for a message or a log line (a service's description, an exception's
 *       text). Control characters become spaces, so the text can neither break the line nor drive a terminal.</li>
 *   <li>{@link #shorten(String)}: untrusted input quoted back in an error message about it. Everything but
 *       printable ASCII is shown as a {@code \u005CuXXXX} escape, so the reader sees exactly what was wrong
 *       with it (a non-breaking space, a look-alike letter, a line break).</li>
 *   <li>{@link #escapeInvisible(String)}: a service's text shown on a terminal as it is, escapes only for what
 *       cannot be seen (control, format and line separator characters); letters of any script stay.</li>
 *   <li>{@link #cut(String, int)}: the one way all of them, and bounded raw text, are shortened.</li>
 * </ul>
 *
 * <p>Every function that cuts marks the cut with {@value #CUT_MARK} and never splits a surrogate pair.
 */
public final class Printable {

    /** What follows text that was cut. */
    public static final String CUT_MARK = "...";

    /** How many characters of input {@link #shorten(String)} quotes. */
    private static final int QUOTED_CHARS = 80;

    private Printable() {}

    /**
     * Returns {@code text} as one line for a message or a log line: each run of control characters (C0,
     * {@code DEL}, C1: line breaks, tabs, the {@code ESC} of terminal escape sequences) and of the Unicode line
     * and paragraph separators (U+2028, U+2029) becomes one space; the result is stripped of white space at
     * both ends and cut after {@code maxChars} characters (see {@link #cut(String, int)}). Every other character
     * is kept.
     *
     * @param text the untrusted text
     * @param maxChars how many characters to keep at most; at least 1
     * @return one line of at most {@code maxChars} characters, followed by {@value #CUT_MARK} when it was cut;
     *     empty when {@code text} held nothing but control characters and white space
     * @throws IllegalArgumentException if {@code maxChars} is less than 1
     */
    public static String oneLine(String text, int maxChars) {
        checkNotNull(text, "text");
        // maxChars is checked by cut(), which every path ends in
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\u2028' || c == '\u2029') {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return cut(out.toString().strip(), maxChars);
    }

    /**
     * Returns {@code text} quoted for an error message about it: every character that is not printable ASCII
     * (U+0020 to U+007E) is shown as a {@code \u005CuXXXX} escape, and the result is cut after 80 characters
     * and marked with {@value #CUT_MARK}. The result is one line of printable ASCII, and shows exactly what
     * was received.
     *
     * @param text the untrusted text
     * @return printable ASCII text of at most 80 characters (a little more when the last is an escape),
     *     followed by {@value #CUT_MARK} when it was cut
     */
    public static String shorten(String text) {
        checkNotNull(text, "text");
        StringBuilder out = new StringBuilder(Math.min(text.length(), QUOTED_CHARS) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= QUOTED_CHARS) {
                out.append(CUT_MARK);
                break;
            }
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                appendEscape(out, c);
            }
        }
        return out.toString();
    }

    /**
     * Returns {@code text} with what a terminal would not show as written replaced by {@code \u005CuXXXX}
     * escapes: control characters (C0, {@code DEL}, C1: line breaks, {@code ESC}, {@code BEL}), format
     * characters (bidirectional overrides such as U+202E, which make a line read differently from what it
     * holds; zero-width characters) and the Unicode line and paragraph separators. Every other character, letters
     * of any script included, is kept, and nothing is cut: an answer can neither forge output lines nor drive
     * the terminal, and still reads as the service wrote it.
     *
     * @param text the untrusted text
     * @return the text with invisible characters escaped; {@code text} itself when it has none
     */
    public static String escapeInvisible(String text) {
        checkNotNull(text, "text");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean invisible = isControl(c) || Character.getType(c) == Character.FORMAT || c == '\u2028'
                    || c == '\u2029';
            if (invisible && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (invisible) {
                    appendEscape(out, c);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Returns {@code text} cut after {@code maxChars} characters and marked with {@value #CUT_MARK}, or
     * {@code text} itself when it is not longer. The cut never splits a surrogate pair: when the last kept
     * character would be the first half of one, the pair goes too. Nothing else is changed.
     *
     * @param text the text
     * @param maxChars how many characters to keep at most; at least 1
     * @return {@code text}, or its first {@code maxChars} (or {@code maxChars - 1}) characters followed by
     *     {@value #CUT_MARK}
     * @throws IllegalArgumentException if {@code maxChars} is less than 1
     */
    public static String cut(String text, int maxChars) {
        checkNotNull(text, "text");
        checkArgument(maxChars >= 1, "maxChars must be at least 1, got %s", maxChars);
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + CUT_MARK;
    }

    /** C0, {@code DEL} and C1: {@link Character#CONTROL}. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0);
    }

    private static void appendEscape(StringBuilder out, char c) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
}
