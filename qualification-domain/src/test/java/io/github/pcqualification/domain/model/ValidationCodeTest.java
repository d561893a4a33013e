package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.common.testing.EqualsTester;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link ValidationCode}: opaque, non-blank, at most 64 visible ASCII characters. */
class ValidationCodeTest {

    @Test
    void documentedExample_isKeptAsText() {

        ValidationCode code = ValidationCode.of("12345");

        assertThat(code.value()).isEqualTo("12345");
        assertThat(code).hasToString("12345");
    }

    @Test
    void emptyCode_isRefused() {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> ValidationCode.of(""));

        thrown.withMessage("validation code must not be empty");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {" ", "   ", "\t", "\r\n"})
    void blankCode_isRefused(String blank) {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> ValidationCode.of(blank));

        thrown.withMessageStartingWith("validation code must be visible ASCII characters only");
    }

    @Test
    void sixtyFourCharacters_isTheLongestAccepted() {
        String longest = "A".repeat(ValidationCode.MAX_LENGTH);

        ValidationCode code = ValidationCode.of(longest);

        assertThat(code.value()).hasSize(64);
    }

    @Test
    void sixtyFiveCharacters_isRefusedNamingTheLimitAndTheLength() {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> ValidationCode.of("A".repeat(65)));

        thrown.withMessage("validation code must be at most 64 characters, got 65");
    }

    static IntStream visibleAscii() {
        return IntStream.rangeClosed('!', '~');
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @MethodSource("visibleAscii")
    void everyVisibleAsciiCharacter_isAccepted(int c) {
        String text = "a" + (char) c + "z";

        ValidationCode code = ValidationCode.of(text);

        assertThat(code.value()).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {' ', '\t', '\r', '\n', 0x00, 0x1f, 0x7f, 0x80, 0xa0, 0xe9, 0x2028, 0xff10, 0xfeff})
    void spaceControlDelAndNonAscii_areRefused(int c) {
        String text = "ab" + (char) c + "cd";

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> ValidationCode.of(text));

        thrown.withMessageStartingWith("validation code must be visible ASCII characters only, got 'ab")
                .withMessageNotContaining("\n").withMessageNotContaining("\r");
    }

    @Test
    void supplementaryCharacter_isRefused() {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> ValidationCode.of("code\uD83D\uDE00"));

        thrown.withMessageContaining("\\ud83d\\ude00");
    }

    @Test
    void nullCode_isRefusedNamingIt() {

        var thrown = assertThatNullPointerException().isThrownBy(() -> ValidationCode.of(null));

        thrown.withMessage("validation code");
    }

    @Test
    void equality_isByExactValue() {

        new EqualsTester()
                .addEqualityGroup(ValidationCode.of("abc"), new ValidationCode("abc"))
                .addEqualityGroup(ValidationCode.of("ABC"))
                .testEquals();
    }
}
