package io.github.pcqualification.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The secrets the environment holds ({@code PARTNER_CENTER_TOKEN}, {@code _CLIENT_SECRET}, {@code _REFRESH_TOKEN}),
 * so that a message quoting what was typed never prints one (a secret pasted as an option value, for instance).
 * Every value is redacted whatever its length: it is the user's own secret, not a guess.
 */
final class Secrets {

    static final String REDACTED = "[REDACTED]";

    private final List<String> values;

    Secrets(Map<String, String> environment) {
        this.values = Stream.of(Credentials.TOKEN, Credentials.CLIENT_SECRET, Credentials.REFRESH_TOKEN)
                .map(environment::get)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The text with each secret replaced by {@value #REDACTED}. */
    String redact(String text) {
        String result = text;
        for (String value : values) {
            result = result.replace(value, REDACTED);
        }
        return result;
    }
}
