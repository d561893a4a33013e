package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link EncodedForms#regex}, built inside each test (a pattern built once per class would be built before any
 * change to the code under test): each form of each kind of character, in either case of its hex digits.
 */
class EncodedFormsRegexEdgesTest {

    private static boolean finds(String value, String text) {
        return Pattern.compile(EncodedForms.regex(value)).matcher(text).find();
    }

    @Test
    void aValue_isFoundAsItIs_andNothingElseIs() {
        assertThat(finds("s3cr3t", "x s3cr3t y")).isTrue();
        assertThat(finds("s3cr3t", "s3cr4t")).isFalse();
        assertThat(EncodedForms.regex("")).isEmpty();
    }

    @Test
    void eachCharacter_mayBeJsonEscaped_inEitherCaseOfItsHexDigits() {
        assertThat(finds("a-z", "a\\u002dz")).isTrue();
        assertThat(finds("a:z", "a\\u003Az")).isTrue();
        assertThat(finds("a:z", "a\\u003az")).isTrue();
        assertThat(finds("\u00ff", "\\u00FF")).isTrue();
        assertThat(finds("\uffff", "\\uFFFF")).as("the last character with a \\u form").isTrue();
    }

    @Test
    void aSlash_mayBeEscapedWithABackslash() {
        assertThat(finds("a/b", "a\\/b")).isTrue();
        assertThat(finds("a.b", "a\\.b")).isFalse();
    }

    @Test
    void eachCharacter_mayBePercentEncodedAsUtf8_inEitherCase() {
        assertThat(finds("a:b", "a%3ab")).isTrue();
        assertThat(finds("a:b", "a%3Ab")).isTrue();
        assertThat(finds("caf\u00e9", "caf%C3%A9")).isTrue();
        assertThat(finds("caf\u00e9", "caf%c3%a9")).isTrue();
        assertThat(finds("caf\u00e9", "caf%E9")).as("not UTF-8").isFalse();
    }

    @Test
    void eachCharacter_mayBeAnHtmlReference_decimalOrHex_withLeadingZeros() {
        assertThat(finds("a:b", "a&#58;b")).isTrue();
        assertThat(finds("a:b", "a&#00058;b")).isTrue();
        assertThat(finds("a:b", "a&#x3a;b")).isTrue();
        assertThat(finds("a:b", "a&#X3A;b")).isTrue();
        assertThat(finds("a:b", "a&#x003A;b")).isTrue();
        assertThat(finds("a:b", "a&#59;b")).isFalse();
    }

    @Test
    void aCharacterBeyondTheBasicPlane_hasNoBackslashUForm_butItsOtherForms() {
        String smile = "\uD83D\uDE00";

        assertThat(finds(smile, smile)).isTrue();
        assertThat(finds(smile, "%F0%9F%98%80")).isTrue();
        assertThat(finds(smile, "&#128512;")).isTrue();
        assertThat(finds(smile, "&#x1F600;")).isTrue();
        assertThat(EncodedForms.regex(smile)).doesNotContain("\\\\u");
    }

    @Test
    void formsMayBeMixed_characterByCharacter() {
        assertThat(finds("ab/c:d", "a%62\\/&#99;\\u003ad")).isTrue();
    }
}
