package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the control characters end: U+009F (the last C1) is one, U+00A0 (no-break space) and the space are not. */
class PrintableControlEdgesTest {

    @Test
    void theLastC1Character_isEscaped_butTheNoBreakSpaceAfterIt_isKept() {

        String shown = Printable.escapeInvisible("a\u009fb\u00a0c");

        assertThat(shown).isEqualTo("a\\u009fb\u00a0c");
    }

    @Test
    void oneLine_keepsNoBreakSpacesAndRunsOfSpaces_asText() {
        String text = "a\u00a0\u00a0b  c";

        String line = Printable.oneLine(text, 100);

        assertThat(line).isEqualTo(text);
    }

    @Test
    void oneLine_turnsTheFirstAndLastControlCharactersOfEachRangeIntoSpaces() {

        String line = Printable.oneLine("a\u001fb\u007fc\u009fd", 100);

        assertThat(line).isEqualTo("a b c d");
    }
}
