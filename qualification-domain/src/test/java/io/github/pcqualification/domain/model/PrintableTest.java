package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Specification of {@link Printable#shorten}: untrusted text made into one safe, readable line. */
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
}
