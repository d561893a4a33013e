package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link EncodedForms#regex(String)} built in each test (never once in a static field), one encoding at a time:
 * each form of each character is found in upper and lower case, and nothing that decodes to another value is.
 */
class EncodedFormsRegexTest {

    private static boolean found(String value, String text) {
        return Pattern.compile(EncodedForms.regex(value)).matcher(text).find();
    }

    private static boolean matchesWhole(String value, String text) {
        return Pattern.compile(EncodedForms.regex(value)).matcher(text).matches();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a-z/\u00e9 | a-z/\u00e9
            a-z/\u00e9 | \\u0061\\u002d\\u007a\\u002f\\u00e9
            a-z/\u00e9 | \\u0061\\u002D\\u007A\\u002F\\u00E9
            a-z/\u00e9 | a-z\\/\u00e9
            a-z/\u00e9 | %61%2d%7a%2f%c3%a9
            a-z/\u00e9 | %61%2D%7A%2F%C3%A9
            a-z/\u00e9 | &#97;&#45;&#122;&#47;&#233;
            a-z/\u00e9 | &#0097;&#00045;&#122;&#47;&#0233;
            a-z/\u00e9 | &#x61;&#x2d;&#x7a;&#x2f;&#xe9;
            a-z/\u00e9 | &#X61;&#X2D;&#X7A;&#X2F;&#XE9;
            a-z/\u00e9 | &#x0061;&#x002D;z%2F\\u00e9
            """)
    void everyFormOfEveryCharacter_inEitherCase_matchesTheWholeValue(String value, String text) {

        boolean matched = matchesWhole(value, text);

        assertThat(matched).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a-z/\u00e9 | a-z/e
            a-z/\u00e9 | a-z\\/%e9
            a-z/\u00e9 | a-z\\u005c
            a-z/\u00e9 | a-z/&#xe8;
            a-z/\u00e9 | a-z/&#232;
            a-z/\u00e9 | %ff%ff%ff%ff%ff%ff
            a-z/\u00e9 | -z/\u00e9
            """)
    void aFormOfAnotherValue_isNotFound(String value, String text) {

        boolean wasFound = found(value, text);

        assertThat(wasFound).isFalse();
    }

    @Test
    void onlyTheSlash_hasABackslashEscape() {

        boolean slash = matchesWhole("/", "\\/");
        boolean dash = matchesWhole("-", "\\-");

        assertThat(slash).isTrue();
        assertThat(dash).isFalse();
    }

    @Test
    void aCharacterBeyondTheBasicPlane_hasNoSingleJsonEscape_butItsOtherForms() {
        String linearB = new String(Character.toChars(0x10000));

        assertThat(matchesWhole(linearB, linearB)).isTrue();
        assertThat(matchesWhole(linearB, "%F0%90%80%80")).isTrue();
        assertThat(matchesWhole(linearB, "&#65536;")).isTrue();
        assertThat(matchesWhole(linearB, "&#x10000;")).isTrue();
        assertThat(found(linearB, "\\u10000")).as("U+1000 then 0, in JSON").isFalse();
    }

    @Test
    void theLastCharacterBeforeTheSupplementaryPlanes_stillHasItsJsonEscape() {
        String last = "\uffff";

        assertThat(matchesWhole(last, "\\uFFFF")).isTrue();
    }

    @Test
    void anEmptyValue_isTheEmptyExpression() {

        String regex = EncodedForms.regex("");

        assertThat(regex).isEmpty();
    }
}
