package io.github.pcqualification.adapter.fake;

import static com.google.common.base.Preconditions.checkNotNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fake support: the fake's one JSON reader and writer, shared by the seed file, the fake's error answers and its
 * HTTP server ({@link io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer}), so they read and
 * write JSON alike. Values are plain Java: {@link Map} for an object, {@link List} for an array, {@link String},
 * {@link Double} (reading) or any {@link Number} (writing), {@link Boolean} and {@code null}. Thread-safe.
 */
public final class FakeJson {

    private static final JsonAdapter<Object> VALUES = new Moshi.Builder().build().adapter(Object.class);

    private FakeJson() {}

    /**
     * The JSON text of {@code value}.
     *
     * @param value a plain value (see the class comment); {@code null} is written as {@code null}
     * @return compact JSON
     */
    public static String write(Object value) {
        return VALUES.toJson(value);
    }

    /**
     * The value {@code json} holds.
     *
     * @param json JSON text
     * @return the value: a {@link Map}, {@link List}, {@link String}, {@link Double}, {@link Boolean}, or
     *     {@code null} for the JSON {@code null}
     * @throws IOException if {@code json} is not one well-formed JSON value (the message says where)
     */
    public static Object read(String json) throws IOException {
        checkNotNull(json, "json");
        try {
            return VALUES.fromJson(json);
        } catch (JsonDataException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Partner Center's ApiFault body: {@code {"code":..,"description":..,"data":[],"source":"PartnerFD"}}, a
     * numeric code written as a number.
     *
     * @param code the service's error code, such as {@code 60003}
     * @param description what went wrong
     * @return the body's JSON text
     */
    public static String apiFault(String code, String description) {
        checkNotNull(code, "code");
        checkNotNull(description, "description");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.matches("[0-9]{1,18}") ? (Object) Long.parseLong(code) : code);
        body.put("description", description);
        body.put("data", List.of());
        body.put("source", "PartnerFD");
        return write(body);
    }
}
