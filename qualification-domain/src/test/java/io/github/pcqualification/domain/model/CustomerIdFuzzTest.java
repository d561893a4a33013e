package io.github.pcqualification.domain.model;

import io.github.pcqualification.domain.testing.SeededStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fuzz: {@link CustomerId#parse} over 10,000+ seeded inputs. Every input either parses to exactly the
 * GUID an independent check accepts, or is refused with a clear one-line {@link IllegalArgumentException}.
 */
class CustomerIdFuzzTest {

    private static final int INPUTS = 12_000;

    @Test
    void everyInput_isAGuidOrAOneLineRefusal_neverAnythingElse() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED);
        int[] accepted = {0};
        int[] refused = {0};

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < INPUTS; i++) {
                String input = input(gen, i);
                check(input, i, accepted, refused);
            }
        }, "fuzz batch hung, seed " + SeededStrings.SEED);

        assertThat(accepted[0]).as("valid inputs were generated, seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 10);
        assertThat(refused[0]).as("invalid inputs were generated, seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 2);
    }

    @Test
    void pathAndQueryCharacters_neverSurviveParsing() {
        String valid = "0a1b2c3d-0000-4000-8000-00000000abcd";
        String[] attacks = {"../" + valid, valid + "/../all", valid.replace("-", "%2D"), valid.substring(0, 35) + "/",
            valid.substring(0, 34) + "%2F", valid.substring(0, 35) + "?", valid.substring(0, 35) + "#",
            valid.substring(0, 34) + "\r\n", valid.replace('a', '\u0430'), valid.replace('0', '\uff10'),
            valid.replace('-', '\u2010'), "{" + valid.substring(1, 35) + "}", valid + "\u0000", " " + valid.substring(1)};

        for (String attack : attacks) {
            check(attack, -1, new int[1], new int[1]);
            assertThat(isGuid(attack)).as("attack %s", SeededStrings.show(attack)).isFalse();
        }
    }

    private static String input(SeededStrings gen, int i) {
        String valid = gen.hex(8) + "-" + gen.hex(4) + "-" + gen.hex(4) + "-" + gen.hex(4) + "-" + gen.hex(12);
        switch (i % 4) {
            case 0:
                return valid;
            case 1:
            case 2:
                return gen.mutate(valid);
            default:
                return gen.random().nextBoolean() ? gen.junk() : UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        }
    }

    private static void check(String input, int index, int[] accepted, int[] refused) {
        String where = "seed " + SeededStrings.SEED + ", input #" + index + ": " + SeededStrings.show(input);
        CustomerId parsed;
        try {
            parsed = CustomerId.parse(input);
        } catch (IllegalArgumentException e) {
            refused[0]++;
            assertThat(isGuid(input)).as("refused a GUID, " + where).isFalse();
            assertOneLine(e.getMessage(), where);
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("unexpected " + e + ", " + where, e);
        }
        accepted[0]++;
        if (!isGuid(input)) {
            fail("accepted a non-GUID as " + parsed + ", " + where);
        }
        assertThat(parsed.toString()).as(where).isEqualTo(input.toLowerCase(Locale.ROOT)).matches("[0-9a-f-]{36}");
        assertThat(CustomerId.parse(parsed.toString())).as(where).isEqualTo(parsed);
    }

    /** The independent oracle: 8-4-4-4-12 ASCII hex digits, nothing else. */
    static boolean isGuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean hyphenPlace = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (hyphenPlace ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    static void assertOneLine(String message, String where) {
        assertThat(message).as("message of the refusal, " + where).isNotNull().isNotBlank()
                .doesNotContain("\n", "\r", "\u0000").hasSizeLessThan(400);
    }
}
