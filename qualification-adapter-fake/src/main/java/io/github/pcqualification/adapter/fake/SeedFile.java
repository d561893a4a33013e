package io.github.pcqualification.adapter.fake;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ValidationCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Fake support: seeds a fake from a JSON file: customers with the qualifications they hold (approved) and the
 * partner's validation codes.
 *
 * <pre>{@code
 * {
 *   "customers": [
 *     {"id": "11111111-1111-4111-8111-111111111111", "qualifications": []},
 *     {"id": "22222222-2222-4222-8222-222222222222", "qualifications": ["Education"]},
 *     {"id": "55555555-5555-4555-8555-555555555555", "qualifications": ["Education", "StateOwnedEntity"]},
 *     {"id": "33333333-3333-4333-8333-333333333333", "qualifications": ["GovernmentCommunityCloud"],
 *      "validations": ["DEMO-GCC-12345"]}
 *   ],
 *   "validationCodes": [
 *     {"validationId": "DEMO-GCC-12345", "maxCreates": 5, "remainingCreates": 5},
 *     {"validationId": "DEMO-USED-0000", "maxCreates": 1, "remainingCreates": 0}
 *   ]
 * }
 * }</pre>
 *
 * <p>Both arrays are optional. {@code id} is a GUID; qualification names are read like the service's
 * answers (case-insensitive, {@code _} and {@code -} ignored); {@code qualifications} may be omitted
 * (nothing held); {@code validations} (optional) are the partner's codes an earlier GCC qualification linked to the
 * customer, which must hold GCC; {@code remainingCreates} defaults to {@code maxCreates}. Unknown fields, unknown
 * names, duplicates and combinations the rules forbid (Education with GovernmentCommunityCloud) are
 * refused with an {@link IllegalArgumentException} naming the place, before anything is added.
 */
public final class SeedFile {

    private SeedFile() {}

    /**
     * A new fake (system clock, real sleeper) seeded from {@code file} (UTF-8).
     *
     * @param file the seed file
     * @return the seeded fake
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the seed is not valid (the message names the place)
     */
    public static InMemoryPartnerCenter read(Path file) throws IOException {
        return applyTo(new InMemoryPartnerCenter(), file);
    }

    /**
     * Adds the contents of {@code file} (UTF-8) to {@code fake}; nothing if the seed is not valid.
     *
     * @param fake the fake to seed
     * @param file the seed file
     * @return {@code fake}, for chaining
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the seed is not valid or clashes with what {@code fake} holds
     */
    public static InMemoryPartnerCenter applyTo(InMemoryPartnerCenter fake, Path file) throws IOException {
        checkNotNull(file, "file");
        return applyTo(fake, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Adds the seed in {@code json} to {@code fake}; nothing if the seed is not valid.
     *
     * @param fake the fake to seed
     * @param json the seed, as the class comment shows it
     * @return {@code fake}, for chaining
     * @throws IllegalArgumentException if the seed is not valid or clashes with what {@code fake} holds
     */
    public static InMemoryPartnerCenter applyTo(InMemoryPartnerCenter fake, String json) {
        checkNotNull(fake, "fake");
        checkNotNull(json, "json");
        Map<?, ?> seed = parse(json);
        // Check everything on a scratch fake first, so a bad seed adds nothing to the real one.
        load(seed, new InMemoryPartnerCenter(d -> { }));
        return load(seed, fake);
    }

    private static Map<?, ?> parse(String json) {
        Object seed;
        try {
            seed = FakeJson.read(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("seed file is not valid: " + e.getMessage(), e);
        }
        checkArgument(seed instanceof Map, "seed file is not valid: it holds %s, expected an object",
                seed == null ? "null" : "a " + seed.getClass().getSimpleName());
        return (Map<?, ?>) seed;
    }

    private static InMemoryPartnerCenter load(Map<?, ?> seed, InMemoryPartnerCenter fake) {
        onlyKeys(seed, "$", Set.of("customers", "validationCodes"));
        List<?> customers = list(seed, "customers", "$");
        Map<CustomerId, List<?>> links = new LinkedHashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            String where = "$.customers[" + i + "]";
            Map<?, ?> customer = object(customers.get(i), where);
            onlyKeys(customer, where, Set.of("id", "qualifications", "validations"));
            CustomerId id = CustomerId.parse(string(customer, "id", where));
            List<?> names = list(customer, "qualifications", where);
            Qualification[] held = new Qualification[names.size()];
            for (int j = 0; j < names.size(); j++) {
                Object name = names.get(j);
                String place = where + ".qualifications[" + j + "]";
                checkArgument(name instanceof String, "seed file: %s must be a string", place);
                held[j] = Qualification.fromName((String) name).orElseThrow(() -> new IllegalArgumentException(
                        "seed file: " + place + " is not a qualification: " + Printable.shorten((String) name)));
            }
            fake.addCustomer(id, held);
            links.put(id, list(customer, "validations", where));
        }
        List<?> codes = list(seed, "validationCodes", "$");
        for (int i = 0; i < codes.size(); i++) {
            String where = "$.validationCodes[" + i + "]";
            Map<?, ?> code = object(codes.get(i), where);
            onlyKeys(code, where, Set.of("validationId", "maxCreates", "remainingCreates"));
            String validationId = string(code, "validationId", where);
            int max = count(code, "maxCreates", where).orElseThrow(() -> new IllegalArgumentException(
                    "seed file: " + where + ".maxCreates is missing"));
            int remaining = count(code, "remainingCreates", where).orElse(max);
            fake.addValidationCode(ValidationCode.of(validationId), max, remaining);
        }
        // Links last: they name codes the file may list after the customer.
        int index = 0;
        for (Map.Entry<CustomerId, List<?>> customer : links.entrySet()) {
            List<?> validations = customer.getValue();
            for (int j = 0; j < validations.size(); j++) {
                String place = "$.customers[" + index + "].validations[" + j + "]";
                Object id = validations.get(j);
                checkArgument(id instanceof String, "seed file: %s must be a string", place);
                try {
                    fake.linkValidation(customer.getKey(), ValidationCode.of((String) id));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("seed file: " + place + ": " + e.getMessage(), e);
                }
            }
            index++;
        }
        return fake;
    }

    private static void onlyKeys(Map<?, ?> object, String where, Set<String> known) {
        for (Object key : object.keySet()) {
            checkArgument(known.contains(key), "seed file: %s has an unknown field '%s' (known: %s)",
                    where, Printable.shorten(String.valueOf(key)), known);
        }
    }

    private static Map<?, ?> object(Object value, String where) {
        checkArgument(value instanceof Map, "seed file: %s must be an object", where);
        return (Map<?, ?>) value;
    }

    private static List<?> list(Map<?, ?> object, String key, String where) {
        Object value = object.get(key);
        if (value == null) {
            return List.of();
        }
        checkArgument(value instanceof List, "seed file: %s.%s must be an array", where, key);
        return (List<?>) value;
    }

    private static String string(Map<?, ?> object, String key, String where) {
        Object value = object.get(key);
        checkArgument(value != null, "seed file: %s.%s is missing", where, key);
        checkArgument(value instanceof String, "seed file: %s.%s must be a string", where, key);
        return (String) value;
    }

    private static OptionalInt count(Map<?, ?> object, String key, String where) {
        Object value = object.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        checkArgument(value instanceof Double d && d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE,
                "seed file: %s.%s must be a whole number from 0, got %s", where, key,
                Printable.shorten(String.valueOf(value)));
        return OptionalInt.of(((Double) value).intValue());
    }
}
