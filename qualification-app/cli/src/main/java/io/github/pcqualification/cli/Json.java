package io.github.pcqualification.cli;

import io.github.pcqualification.domain.model.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A minimal JSON object writer for the CLI's {@code --json} output (writing only; nothing is parsed). */
final class Json {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Json object() {
        return new Json();
    }

    Json put(String name, Object value) {
        fields.put(name, value instanceof Optional<?> o ? o.orElse(null) : value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(this, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Json json) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : json.fields.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    /**
     * A JSON string: the quote, the backslash and the common line breaks get their short escapes, and every other
     * character {@link Printable#escapeInvisible} escapes (all controls, which JSON requires, and the format and
     * line separator characters a terminal would act on) a {@code \u005CuXXXX} one.
     */
    private static void string(String s, StringBuilder out) {
        StringBuilder body = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> body.append("\\\"");
                case '\\' -> body.append("\\\\");
                case '\n' -> body.append("\\n");
                case '\r' -> body.append("\\r");
                case '\t' -> body.append("\\t");
                default -> body.append(c);
            }
        }
        out.append('"').append(Printable.escapeInvisible(body.toString())).append('"');
    }
}
