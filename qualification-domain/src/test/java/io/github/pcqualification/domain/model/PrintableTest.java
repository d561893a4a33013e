package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Specification of {@link Printable}: the rules that make untrusted text safe to show. */
class PrintableTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "abc                 | abc",
            "``                  | ``",
            "`a b`               | `a b`",
            "caf\u00e9           | caf\\u00e9",
            "`\t`                | \\u0009",
            "\u007f              | \\u007f",
    })
    void controlAndNonAsciiCharacters_areEscaped(String text, String shown) {

        String actual = Printable.shorten(text);

        assertThat(actual).isEqualTo(shown);
    }

    @Test
    void lineBreaks_areEscapedSoTheResultIsOneLine() {

        String actual = Printable.shorten("a\r\nb");

        assertThat(actual).isEqualTo("a\\u000d\\u000ab");
    }

    @Test
    void eightyCharacters_areShownWhole() {
        String text = "x".repeat(80);

        String actual = Printable.shorten(text);

        assertThat(actual).isEqualTo(text);
    }

    @Test
    void longerText_isCutAfterEightyCharactersAndMarked() {
        String text = "x".repeat(81);

        String actual = Printable.shorten(text);

        assertThat(actual).isEqualTo("x".repeat(80) + "...");
    }

    // oneLine: prose for a message or a log line

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "line feed          | `a\nb`                   | a b",
            "CR LF is one space | `a\r\nb`                | a b",
            "tab                | `a\tb`                   | a b",
            "SOH                | `a\u0001b`               | a b",
            "ESC of a sequence  | `No \u001b[31mred`       | No  [31mred",
            "DEL                | `a\u007fb`               | a b",
            "C1 NEL             | `a\u0085b`               | a b",
            "C1 CSI             | `a\u009bb`               | a b",
            "line separator     | `a\u2028b`               | a b",
            "paragraph sep.     | `a\u2029b`               | a b",
            "a mixed run        | `a\u000b\u2028\r\nb`  | a b",
            "stripped           | `\r\n  a b \t`         | `a b`",
            "letters stay       | `caf\u00e9 \u00e9cole`  | `caf\u00e9 \u00e9cole`",
            "spaces inside stay | `a   b`                   | `a   b`",
    })
    void oneLine_turnsEachRunOfControlsAndSeparatorsIntoOneSpace(String why, String text, String shown) {

        String actual = Printable.oneLine(text, 100);

        assertThat(actual).isEqualTo(shown).doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]");
    }

    @Test
    void oneLine_turnsNulIntoASpace() {

        String actual = Printable.oneLine("a\u0000b", 10);

        assertThat(actual).isEqualTo("a b");
    }

    @Test
    void oneLine_ofNothingButControls_isEmpty() {

        String actual = Printable.oneLine("\u0001\r\n\u001b \u2028", 10);

        assertThat(actual).isEmpty();
    }

    @Test
    void oneLine_cutsAfterTheLimit_countingTheTextAfterItWasMadeOneLine() {

        String actual = Printable.oneLine("\r\n" + "ab\ncd" + "efgh", 5);

        assertThat(actual).isEqualTo("ab cd...");
    }

    @Test
    void oneLine_isIdempotentOnTextItDidNotCut() {
        String once = Printable.oneLine(" a\r\n\u0085b\tc ", 100);

        String twice = Printable.oneLine(once, 100);

        assertThat(twice).isEqualTo(once).isEqualTo("a b c");
    }

    // escapeInvisible: a service's text on a terminal

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "line feed          | `a\nb`                  | a\\u000ab",
            "ESC                | `\u001b[2J`             | \\u001b[2J",
            "BEL                | `a\u0007`               | a\\u0007",
            "DEL                | `a\u007f`               | a\\u007f",
            "C1 NEL             | `a\u0085`               | a\\u0085",
            "bidi override      | `Educ\u202eation`       | Educ\\u202eation",
            "bidi isolate       | `a\u2066b`              | a\\u2066b",
            "zero-width space   | `a\u200bb`              | a\\u200bb",
            "byte order mark    | `\ufeffa`               | \\ufeffa",
            "line separator     | `a\u2028b`              | a\\u2028b",
            "paragraph sep.     | `a\u2029b`              | a\\u2029b",
    })
    void escapeInvisible_escapesControlFormatAndSeparatorCharacters(String why, String text, String shown) {

        String actual = Printable.escapeInvisible(text);

        assertThat(actual).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain ASCII", "`Contoso \u00e9cole`", "`\u6771\u4eac`", "`\ud83d\ude00 ok`", "``", "`a \\u0041 b`"})
    void escapeInvisible_keepsVisibleTextOfAnyScriptAsItIs(String text) {

        String actual = Printable.escapeInvisible(text);

        assertThat(actual).isSameAs(text);
    }

    // cut: the one way text is shortened

    @Test
    void cut_keepsTextUpToTheLimit() {

        assertThat(Printable.cut("abc", 3)).isEqualTo("abc");
        assertThat(Printable.cut("", 1)).isEmpty();
    }

    @Test
    void cut_marksTheCut() {

        String actual = Printable.cut("abcd", 3);

        assertThat(actual).isEqualTo("abc" + Printable.CUT_MARK).isEqualTo("abc...");
    }

    @Test
    void cut_neverSplitsASurrogatePair() {
        String emoji = "\ud83d\ude00";

        String actual = Printable.cut("ab" + emoji + "cd", 3);

        assertThat(actual).isEqualTo("ab...");
        assertThat(Printable.cut("ab" + emoji + "cd", 4)).isEqualTo("ab" + emoji + "...");
    }

    @Test
    void aLimitBelowOne_isRefused() {

        assertThatThrownBy(() -> Printable.cut("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Printable.oneLine("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
