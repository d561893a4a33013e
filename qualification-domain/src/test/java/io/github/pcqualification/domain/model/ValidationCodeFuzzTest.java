package io.github.pcqualification.domain.model;

import io.github.pcqualification.domain.testing.SeededStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fuzz: {@link ValidationCode} over 10,000+ seeded inputs. Every input is either kept exactly (1 to 64
 * visible ASCII characters) or refused with a clear one-line {@link IllegalArgumentException}.
 */
class ValidationCodeFuzzTest {

    private static final int INPUTS = 12_000;
    private static final String VISIBLE = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
            + "abcdefghijklmnopqrstuvwxyz{|}~";

    @Test
    void everyInput_isKeptExactlyOrRefusedInOneLine_neverAnythingElse() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 1);
        int[] kept = {0};
        int[] refused = {0};

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < INPUTS; i++) {
                check(input(gen, i), i, kept, refused);
            }
        }, "fuzz batch hung, seed " + SeededStrings.SEED);

        assertThat(kept[0]).as("valid codes were generated, seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 5);
        assertThat(refused[0]).as("invalid codes were generated, seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 5);
    }

    @Test
    void theBoundaries_areExact() {
        check("x".repeat(64), -1, new int[1], new int[1]);

        assertThat(isValid("x".repeat(65))).isFalse();
        assertThat(isValid("!~")).isTrue();
        assertThat(isValid("a b")).isFalse();
        assertThat(isValid("a\u007f")).isFalse();
    }

    private static String input(SeededStrings gen, int i) {
        int length = 1 + gen.random().nextInt(64);
        StringBuilder valid = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            valid.append(gen.random().nextInt(3) == 0 ? VISIBLE.charAt(gen.random().nextInt(VISIBLE.length()))
                    : "0123456789ABCDEF-".charAt(gen.random().nextInt(17)));
        }
        switch (i % 4) {
            case 0:
                return valid.toString();
            case 1:
            case 2:
                return gen.mutate(valid.toString());
            default:
                return gen.junk();
        }
    }

    private static void check(String input, int index, int[] kept, int[] refused) {
        String where = "seed " + SeededStrings.SEED + ", input #" + index + ": " + SeededStrings.show(input);
        ValidationCode code;
        try {
            code = ValidationCode.of(input);
        } catch (IllegalArgumentException e) {
            refused[0]++;
            assertThat(isValid(input)).as("refused a valid code, " + where).isFalse();
            CustomerIdFuzzTest.assertOneLine(e.getMessage(), where);
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("unexpected " + e + ", " + where, e);
        }
        kept[0]++;
        assertThat(isValid(input)).as("accepted an invalid code, " + where).isTrue();
        assertThat(code.value()).as(where).isEqualTo(input);
        assertThat(code.toString()).as(where).isEqualTo(input);
    }

    /** The independent oracle: 1 to 64 characters from '!' to '~'. */
    private static boolean isValid(String s) {
        return !s.isEmpty() && s.length() <= 64 && s.chars().allMatch(c -> VISIBLE.indexOf(c) >= 0);
    }
}
