package io.github.pcqualification.auth.msal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What must never reach a message or a log line: the client secret, the refresh tokens and the access tokens this
 * source has seen. Text from MSAL and from the token endpoint goes through {@link #redact(String)} before it is
 * used in a {@link io.github.pcqualification.domain.outcome.CredentialProblem}; besides the known values, anything
 * shaped like a JWT or a credential field of a form or a JSON body is cut out too. Thread-safe.
 */
final class Secrets {

    static final String REDACTED = "<redacted>";

    /** The last few values of each kind are enough: older ones are no longer in flight. */
    private static final int KEEP = 8;
    /** Shorter values would redact ordinary words. */
    private static final int MIN_LENGTH = 6;
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern FORM_FIELD = Pattern.compile(
            "(?i)\\b(client_secret|refresh_token|access_token|id_token|client_assertion|device_code|code|assertion)=[^&\\s\"]*");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)\"(client_secret|refresh_token|access_token|id_token|client_assertion|device_code|secret)\"\\s*:\\s*\"[^\"]*\"");

    private final Deque<String> known = new ArrayDeque<>();

    /** Remembers {@code value} (if it is long enough to be a secret) so it is cut from every later text. */
    synchronized void add(String value) {
        if (value == null || value.length() < MIN_LENGTH || known.contains(value)) {
            return;
        }
        known.addFirst(value);
        while (known.size() > 3 * KEEP) {
            known.removeLast();
        }
    }

    /** {@code text} without any known secret, JWT-shaped string or credential field; null stays null. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : snapshot()) {
            out = anyForm(secret).matcher(out).replaceAll(REDACTED);
        }
        out = JWT.matcher(out).replaceAll(REDACTED);
        out = FORM_FIELD.matcher(out).replaceAll("$1=" + REDACTED);
        return JSON_FIELD.matcher(out).replaceAll("\"$1\":\"" + REDACTED + "\"");
    }

    /**
     * The secret as it is, or with any of its characters JSON-escaped ({@code \u002d}, {@code \/}), percent-encoded
     * ({@code %2D}, as in a form or a URL the endpoint echoes) or as an HTML character reference, mixed freely: what
     * a decoder would turn back into the secret is cut out before anyone decodes it.
     */
    private static Pattern anyForm(String secret) {
        StringBuilder regex = new StringBuilder();
        secret.codePoints().forEach(c -> {
            regex.append("(?:").append(Pattern.quote(Character.toString(c)));
            if (c < 0x10000) {
                regex.append("|\\\\[uU]").append(caseless(String.format(java.util.Locale.ROOT, "%04x", c)));
            }
            if (c == '/') {
                regex.append("|\\\\/");
            }
            regex.append('|');
            for (byte b : Character.toString(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                regex.append('%').append(caseless(String.format(java.util.Locale.ROOT, "%02x", b & 0xff)));
            }
            regex.append("|&#0*").append(c).append(";|&#[xX]0*").append(caseless(Integer.toHexString(c))).append(";)");
        });
        return Pattern.compile(regex.toString());
    }

    private static String caseless(String hex) {
        StringBuilder out = new StringBuilder();
        for (char h : hex.toCharArray()) {
            out.append(Character.isLetter(h) ? "[" + Character.toLowerCase(h) + Character.toUpperCase(h) + "]" : h);
        }
        return out.toString();
    }

    private synchronized List<String> snapshot() {
        return List.copyOf(known);
    }
}
