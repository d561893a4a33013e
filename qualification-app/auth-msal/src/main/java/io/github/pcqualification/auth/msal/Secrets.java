package io.github.pcqualification.auth.msal;

import io.github.pcqualification.domain.model.EncodedForms;
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
            out = Pattern.compile(EncodedForms.regex(secret)).matcher(out).replaceAll(REDACTED);
        }
        out = JWT.matcher(out).replaceAll(REDACTED);
        out = FORM_FIELD.matcher(out).replaceAll("$1=" + REDACTED);
        return JSON_FIELD.matcher(out).replaceAll("\"$1\":\"" + REDACTED + "\"");
    }

    private synchronized List<String> snapshot() {
        return List.copyOf(known);
    }
}
