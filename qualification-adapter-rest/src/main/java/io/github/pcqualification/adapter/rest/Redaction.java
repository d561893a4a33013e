package io.github.pcqualification.adapter.rest;

import io.github.pcqualification.domain.model.EncodedForms;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts tokens out of text in every form an answer can carry them: as they are, and with any of their characters
 * JSON-escaped ({@code \u002d}, {@code \/}), percent-encoded ({@code %2D}) or written as an HTML character reference
 * ({@code &#45;}, {@code &#x2d;}), mixed freely. Applied to the raw body (so what Moshi or a browser would decode is
 * gone too) and again to every decoded text that reaches an outcome or a log line.
 *
 * <p>Short tokens: a token of at least {@value #MIN_ANYWHERE} characters is cut wherever it appears; a shorter one
 * (only a test value or a broken source would be that short) is cut only where it stands as a whole token, not
 * inside a longer run of token characters, so ordinary words stay readable while the value itself never shows.
 */
final class Redaction {

    static final String REDACTED = "<redacted>";
    /** From this length on a token is cut even inside a longer word. */
    static final int MIN_ANYWHERE = 8;
    /** The characters a bearer token (RFC 6750 b64token) is made of, in any of their encodings. */
    private static final String TOKEN_CHAR = "(?:[A-Za-z0-9\\-._~+/=]|\\\\u[0-9A-Fa-f]{4}|%[0-9A-Fa-f]{2}|\\\\/"
            + "|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};)";

    private final List<Pattern> patterns;

    private Redaction(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** A redaction of these tokens (blank ones ignored; longer ones first). */
    static Redaction of(Collection<String> tokens) {
        Set<String> distinct = new LinkedHashSet<>();
        tokens.stream().filter(t -> t != null && !t.isBlank())
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).forEach(distinct::add);
        return new Redaction(distinct.stream().map(Redaction::pattern).toList());
    }

    /** The text with every form of every token replaced by {@value #REDACTED}. */
    String apply(String text) {
        String out = text;
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(out);
            if (matcher.find()) {
                out = matcher.replaceAll(Matcher.quoteReplacement(REDACTED));
            }
        }
        return out;
    }

    private static Pattern pattern(String token) {
        String body = EncodedForms.regex(token);
        if (token.length() < MIN_ANYWHERE) {
            body = "(?<!" + TOKEN_CHAR + ")" + body
                    + "(?!" + TOKEN_CHAR + ")";
        }
        return Pattern.compile(body);
    }
}
