package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tokens a {@link Redaction} cuts, in which order, and where a token of exactly the short-token length is cut. */
class RedactionOrderTest {

    @Test
    void blankAndNullTokens_areIgnored_soOrdinaryTextIsLeftAlone() {
        Redaction redaction = Redaction.of(Arrays.asList(null, "", "  ", "secret-token-value"));

        String text = redaction.apply("a b, c");

        assertThat(text).isEqualTo("a b, c");
    }

    @Test
    void aLongerTokenIsCutBeforeAShorterOneItStartsWith_soNoTailIsLeft() {
        Redaction redaction = Redaction.of(List.of("abcdefgh", "abcdefghijkl"));

        String text = redaction.apply("token abcdefghijkl end");

        assertThat(text).isEqualTo("token <redacted> end");
    }

    @Test
    void aTokenOfExactlyTheShortTokenLength_isCutEvenInsideALongerWord() {
        String token = "k".repeat(Redaction.MIN_ANYWHERE);

        String text = Redaction.of(List.of(token)).apply("xx" + token + "yy");

        assertThat(text).isEqualTo("xx<redacted>yy");
    }

    @Test
    void aShorterToken_isCutOnlyWhereItStandsAlone() {
        String token = "k".repeat(Redaction.MIN_ANYWHERE - 1);

        String text = Redaction.of(List.of(token)).apply("xx" + token + "yy " + token + " z");

        assertThat(text).isEqualTo("xx" + token + "yy <redacted> z");
    }
}
