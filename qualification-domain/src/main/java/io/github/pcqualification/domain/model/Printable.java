package io.github.pcqualification.domain.model;

/** Makes untrusted text safe to show in one line of an error message. */
public final class Printable {

    private static final int MAX = 80;

    private Printable() {}

    /**
     * Returns {@code text} with control and non-ASCII characters escaped as {@code \\uXXXX} and cut to
     * 80 characters, so an error message about bad input is one readable line.
     *
     * @param text the untrusted text
     * @return printable ASCII text of at most 80 characters, followed by {@code ...} when it was cut
     */
    public static String shorten(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
