package io.github.pcqualification.domain.testing;

import io.github.pcqualification.domain.model.Printable;

import java.util.Random;

/**
 * Test support (shipped in the domain's test-jar): a seeded string generator for the fuzz tests of every module: valid values, mutations of them (bit flips, truncation,
 * duplication, look-alikes, CR/LF, NUL, huge lengths, traversal) and junk. Deterministic for a seed;
 * the seed is {@code -Dfuzz.seed=N} or the fixed default, and every failure message names it.
 */
public final class SeededStrings {

    public static final long SEED = Long.getLong("fuzz.seed", 0x5EED_F022L);

    /** Characters that look like ASCII hex digits, hyphens or letters but are not. */
    public static final String LOOK_ALIKES = "\u0430\u0435\u0441\u0412\u0415\u0421\u0410\u0455" // Cyrillic a e c B E C A s
            + "\uff10\uff11\uff41\uff21\uff0d" // fullwidth 0 1 a A -
            + "\u2010\u2011\u2012\u2013\u2212\ufe63\u00ad" // hyphens, minus, soft hyphen
            + "\u0660\u06f1\u0966\u212a\u0131\u017f" // Arabic-Indic/Devanagari digits, Kelvin, dotless i, long s
            + "\u200b\u200e\u202e\u2066\ufeff"; // zero width, bidi controls, BOM

    private static final String[] INJECTIONS = {
        "../", "..%2F", "%2F", "%2f", "%2e%2e/", "/", "\\", "?", "#", "&", "=", "&code=x", "?code=1#", "%00",
        "\r\n", "\r", "\n", "\u0000", " ", "\t", "%0d%0aX-Injected:%201", "{", "}", "\"", "'", ";", "@", "+",
        "\u2028", "\u0085", "\u001b[31m", "\ud800", "\udfff", "\ud83d\ude00"
    };

    private final Random random;

    public SeededStrings(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A mutation of {@code valid}: one to three edits of a random kind. */
    public String mutate(String valid) {
        String s = valid;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            s = mutateOnce(s);
        }
        return s;
    }

    private String mutateOnce(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        switch (random.nextInt(12)) {
            case 0: // bit flip
                if (s.isEmpty()) {
                    return "\u0001";
                }
                int i = Math.min(at, s.length() - 1);
                char flipped = (char) (s.charAt(i) ^ (1 << random.nextInt(8)));
                return s.substring(0, i) + flipped + s.substring(i + 1);
            case 1: // truncation
                return s.substring(0, at);
            case 2: // drop the head
                return s.substring(at);
            case 3: // duplication
                return s + s;
            case 4: // a look-alike in place of a character
                if (s.isEmpty()) {
                    return lookAlike();
                }
                int j = Math.min(at, s.length() - 1);
                return s.substring(0, j) + lookAlike() + s.substring(j + 1);
            case 5: // injection
                return s.substring(0, at) + INJECTIONS[random.nextInt(INJECTIONS.length)] + s.substring(at);
            case 6: // surrounding whitespace or braces
                String[][] wraps = {{" ", ""}, {"", " "}, {"{", "}"}, {"\t", "\r\n"}, {"\"", "\""}, {"\u00a0", ""}};
                String[] w = wraps[random.nextInt(wraps.length)];
                return w[0] + s + w[1];
            case 7: // case change
                return random.nextBoolean() ? s.toUpperCase(java.util.Locale.ROOT) : s.toLowerCase(java.util.Locale.ROOT);
            case 8: // huge
                return s + "a".repeat(1 + random.nextInt(random.nextInt(100) == 0 ? 1_000_000 : 300));
            case 9: // a random printable ASCII character
                return s.substring(0, at) + (char) (0x21 + random.nextInt(0x5e)) + s.substring(at);
            case 10: // a control or NUL character
                return s.substring(0, at) + (char) random.nextInt(0x20) + s.substring(at);
            default: // swap two characters
                if (s.length() < 2) {
                    return s + s;
                }
                int a = random.nextInt(s.length());
                int b = random.nextInt(s.length());
                char[] chars = s.toCharArray();
                char t = chars[a];
                chars[a] = chars[b];
                chars[b] = t;
                return new String(chars);
        }
    }

    /** Random junk: any UTF-16 units (lone surrogates included), mostly short. */
    public String junk() {
        int length = random.nextInt(50) == 0 ? random.nextInt(2000) : random.nextInt(60);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            out.append(kind == 0 ? (char) random.nextInt(0x10000)
                    : kind == 1 ? (char) random.nextInt(0x80)
                    : kind == 2 ? lookAlike().charAt(0) : "0123456789abcdefABCDEF-".charAt(random.nextInt(23)));
        }
        return out.toString();
    }

    public String lookAlike() {
        return String.valueOf(LOOK_ALIKES.charAt(random.nextInt(LOOK_ALIKES.length())));
    }

    public String hex(int digits) {
        StringBuilder out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
        }
        return out.toString();
    }

    /** One-line, bounded, readable text for failure messages. */
    public static String show(String input) {
        return Printable.shorten(input) + " (length " + input.length() + ")";
    }
}
