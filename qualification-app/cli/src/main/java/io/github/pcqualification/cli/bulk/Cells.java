package io.github.pcqualification.cli.bulk;

/**
 * The two rules for text in CSV cells, shared by the bulk job and the command line so they agree.
 *
 * <p>Around a value only spaces and tabs are removed (as spreadsheets and shells add them); every other
 * character, NUL and other control characters included, stays and makes an identifier invalid. In the report,
 * a cell that a spreadsheet would run as a formula (first character {@code = + - @}, tab or carriage return) is
 * prefixed with a single quote, as OWASP recommends against CSV injection.
 */
public final class Cells {

    private Cells() {}

    /**
     * The text without the spaces and tabs around it.
     *
     * @param text a cell or an option value
     * @return the text without leading and trailing U+0020 and U+0009
     */
    public static String trimBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * The text as a report cell: a single quote before a leading {@code = + - @}, tab or carriage return, so a
     * spreadsheet shows it instead of running it. Idempotent: a quoted cell starts with {@code '}.
     *
     * @param text the cell's text
     * @return the text, prefixed when a spreadsheet would take it for a formula
     */
    public static String neutralizeFormula(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
