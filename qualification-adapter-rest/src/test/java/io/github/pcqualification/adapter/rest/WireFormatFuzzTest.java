package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.testing.SeededStrings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzz: the answer parsers of {@link WireFormat}, called directly, over 10,000+ seeded bodies each.
 * Valid answers (generated from a model) must read back exactly as the model; mutated and junk bodies
 * must read as empty or as a well-formed value, never throw, never hang, never blow the stack.
 */
class WireFormatFuzzTest {

    private static final int INPUTS = 10_500;
    private static final String[] NAMES = {"Education", "education", "GOVERNMENT_COMMUNITY_CLOUD", "government-community-cloud",
        "StateOwnedEntity", "None", "Nonprofit", "Charity", "K12School", "\u212aelvin", "\u00e9ducation", "Gov\u00adernment"};
    private static final String[] STATUSES = {"InReview", "in_review", "Approved", "DENIED", "Pending", "R\u00e9vision"};

    private final WireFormat wire = new WireFormat();

    // ---- the synchronous answer: a bare JSON string

    @Test
    void syncAnswers_readBackExactly_orAreEmpty() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED);

        int[] present = run(gen, (i, body, expected) -> {
            Optional<ReportedQualification> parsed = wire.parseSyncValue(body);
            if (expected != null) {
                assertThat(parsed).contains((ReportedQualification) expected);
            }
            parsed.ifPresent(q -> assertThat(q.toString()).isNotBlank());
            return parsed.isPresent();
        }, r -> {
            String name = r.nextInt(4) == 0 ? gen.junk() : NAMES[r.nextInt(NAMES.length)];
            Object expected = name.isBlank() ? null : ReportedQualification.fromWire(name);
            return new Doc(quote(name), expected);
        });

        assertThat(present[0]).as("seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 5);
    }

    // ---- the asynchronous answer: one object, a wrapper, or a bare array

    @Test
    void asyncAnswers_readBackExactly_orAreEmpty() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 2);

        int[] present = run(gen, (i, body, expected) -> {
            Optional<List<CustomerQualification>> parsed = wire.parseQualifications(body);
            if (expected != null) {
                assertThat(parsed).contains(castList(expected));
            }
            parsed.ifPresent(list -> assertThat(list).allSatisfy(q -> assertThat(q.qualification().toString()).isNotBlank()));
            return parsed.isPresent();
        }, r -> qualificationsDoc(gen, r));

        assertThat(present[0]).as("seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 5);
    }

    // ---- the validation-code list

    @Test
    void codeLists_readBackExactly_orAreEmpty() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 3);

        int[] present = run(gen, (i, body, expected) -> {
            Optional<List<PartnerValidationCode>> parsed = wire.parseCodes(body);
            if (expected != null) {
                assertThat(parsed).contains(castList(expected));
            }
            parsed.ifPresent(list -> assertThat(list).allSatisfy(c -> {
                assertThat(c.maxCreates().orElse(0)).isNotNegative();
                assertThat(c.remainingCreates().orElse(0)).isNotNegative();
            }));
            return parsed.isPresent();
        }, r -> codesDoc(gen, r));

        assertThat(present[0]).as("seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 5);
    }

    // ---- the validations linked to one customer

    private static final CustomerId ASKED = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");

    @Test
    void customerValidationLists_readBackExactly_orAreEmpty_andNeverNameAnotherCustomer() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 5);

        int[] present = run(gen, (i, body, expected) -> {
            Optional<List<CustomerValidation>> parsed = wire.parseValidations(body, ASKED);
            if (expected != null) {
                assertThat(parsed).contains(castList(expected));
            }
            parsed.ifPresent(list -> assertThat(list).allSatisfy(v -> assertThat(v.customer()).isEqualTo(ASKED)));
            return parsed.isPresent();
        }, r -> validationsDoc(gen, r));

        assertThat(present[0]).as("seed %s", SeededStrings.SEED).isGreaterThan(INPUTS / 5);
    }

    // ---- the error body

    @Test
    void errorBodies_sayWhatTheyCarry_orNothing() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 4);

        run(gen, (i, body, expected) -> {
            WireFormat.ServiceError error = wire.parseError(body);
            if (expected != null) {
                assertThat(error).isEqualTo(expected);
            }
            error.code().ifPresent(c -> assertThat(c).isNotBlank());
            error.description().ifPresent(d -> assertThat(d).isNotBlank().isEqualTo(d.strip()));
            return true;
        }, r -> ErrorBodies.doc(gen, r));
    }

    // ---- nesting and size

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 31, 32, 33, 255, 256, 257, 1_000, 100_000})
    void deeplyNestedJson_isReadWithoutBlowingTheStack(int depth) {
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String openOnly = "[".repeat(depth);
        String wrapped = "{\"qualifications\":" + arrays + "}";
        String error = "{\"error\":" + objects + "}";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String body : List.of(arrays, objects, openOnly, wrapped, error)) {
                assertThat(wire.parseSyncValue(body)).isEmpty();
                assertThat(wire.parseCodes(body)).isNotNull();
                assertThat(wire.parseValidations(body, ASKED)).isNotNull();
                assertThat(wire.parseError(body)).isNotNull();
                Optional<List<CustomerQualification>> parsed = wire.parseQualifications(body);
                parsed.ifPresent(list -> assertThat(list).isEmpty());
            }
        });
    }

    @Test
    void aBodyOfTenMegabytes_isParsedInBoundedTime_whenItGetsPastTheSizeCap() {
        String huge = "[" + "{\"validationId\":\"A\"},".repeat(500_000) + "{\"validationId\":\"B\"}]";
        String hugeString = "\"" + "x".repeat(10_000_000) + "\"";

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(wire.parseCodes(huge)).hasValueSatisfying(list -> assertThat(list).hasSize(500_001));
            assertThat(wire.parseSyncValue(hugeString)).hasValueSatisfying(q -> assertThat(q.toString()).hasSize(10_000_000));
            assertThat(wire.parseError(hugeString).description()).isPresent();
        });
    }

    // ---- generators

    /** A body and, when it is valid, the value it must read as. */
    record Doc(String body, Object expected) {}

    @FunctionalInterface
    interface Check {
        boolean apply(int index, String body, Object expected);
    }

    /** Runs {@value #INPUTS} inputs: a third valid, a third mutated, a third junk or structural damage. */
    private static int[] run(SeededStrings gen, Check check, Function<Random, Doc> valid) {
        int[] present = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < INPUTS; i++) {
                Doc doc = valid.apply(gen.random());
                String body;
                Object expected;
                switch (i % 3) {
                    case 0 -> {
                        body = doc.body();
                        expected = doc.expected();
                    }
                    case 1 -> {
                        body = gen.mutate(doc.body());
                        expected = body.equals(doc.body()) ? doc.expected() : null;
                    }
                    default -> {
                        body = damage(gen, doc.body());
                        expected = null;
                    }
                }
                String where = "seed " + SeededStrings.SEED + ", input #" + i + ": " + SeededStrings.show(body);
                try {
                    if (check.apply(i, body, expected)) {
                        present[0]++;
                    }
                } catch (AssertionError e) {
                    throw new AssertionError(where + ": " + e.getMessage(), e);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw new AssertionError("unexpected " + e + ", " + where, e);
                }
            }
        }, "fuzz batch hung, seed " + SeededStrings.SEED);
        return present;
    }

    /** Structural damage: junk, numbers where strings go, deep nesting, wrong roots, duplicate keys. */
    private static String damage(SeededStrings gen, String body) {
        Random r = gen.random();
        return switch (r.nextInt(9)) {
            case 0 -> gen.junk();
            case 1 -> body.replaceFirst("\"[^\"]*\"(?=\\s*[,}\\]])", Integer.toString(r.nextInt()));
            case 2 -> body.replaceFirst("\"[^\"]*\"(?=\\s*[,}\\]])", r.nextBoolean() ? "{}" : "[1,true,null]");
            case 3 -> "[".repeat(1 + r.nextInt(400)) + body + "]".repeat(r.nextInt(400));
            case 4 -> body.replace(":", ":{\"x\":").replace("}", "}}");
            case 5 -> body.replaceFirst("\\{", "{\"qualifications\":[],\"qualification\":null,");
            case 6 -> body + body;
            case 7 -> "<html><body>502 Bad Gateway</body></html>";
            default -> body.replaceFirst("\\d+", "9".repeat(1 + r.nextInt(40)));
        };
    }

    private static Doc qualificationsDoc(SeededStrings gen, Random r) {
        int count = 1 + r.nextInt(4);
        List<String> objects = new ArrayList<>();
        List<CustomerQualification> expected = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String name = r.nextInt(6) == 0 ? gen.mutate("Education").strip() : NAMES[r.nextInt(NAMES.length)];
            if (name.isBlank()) {
                name = "Education";
            }
            StringBuilder json = new StringBuilder("{");
            json.append("\"qualification\":").append(quote(name));
            Optional<Vetting> vetting = Optional.empty();
            if (r.nextBoolean()) {
                String status = STATUSES[r.nextInt(STATUSES.length)];
                Optional<String> reason = r.nextBoolean() ? Optional.of("reason " + gen.junk().strip() + ".") : Optional.empty();
                Instant at = Instant.ofEpochSecond(1_600_000_000L + r.nextInt(200_000_000));
                int dateForm = r.nextInt(4);
                String dateText = switch (dateForm) {
                    case 0 -> at.toString();
                    case 1 -> at.atOffset(ZoneOffset.ofHours(r.nextInt(25) - 12)).toString();
                    case 2 -> at.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
                    default -> "not a date";
                };
                json.append(",\"vettingStatus\":").append(quote(status));
                reason.ifPresent(text -> json.append(",\"vettingReason\":").append(quote(text)));
                json.append(r.nextBoolean() ? ",\"vettingCreateDate\":" : ",\"vettingCreatedDate\":").append(quote(dateText));
                vetting = Optional.of(new Vetting(VettingStatus.fromWire(status), reason,
                        dateForm == 3 ? Optional.empty() : Optional.of(at)));
            } else if (r.nextBoolean()) {
                json.append(",\"vettingStatus\":null,\"vettingReason\":null");
            }
            if (r.nextBoolean()) {
                json.append(",\"unknownField\":{\"nested\":[1,2,{\"qualification\":\"x\"}]},\"n\":1.5e300");
            }
            json.append('}');
            objects.add(json.toString());
            expected.add(new CustomerQualification(ReportedQualification.fromWire(name), vetting));
        }
        String array = "[" + String.join(",", objects) + "]";
        String body = count == 1 && r.nextBoolean() ? objects.get(0)
                : r.nextBoolean() ? "{\"qualifications\":" + array + "}" : array;
        return new Doc(body, expected);
    }

    private static Doc codesDoc(SeededStrings gen, Random r) {
        int count = r.nextInt(4);
        List<String> objects = new ArrayList<>();
        List<PartnerValidationCode> expected = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            boolean numeric = r.nextInt(4) == 0;
            String id = numeric ? Integer.toString(r.nextInt(1_000_000)) : "GCC-" + gen.hex(1 + r.nextInt(20));
            Integer max = r.nextInt(5) == 0 ? null : r.nextInt(1000);
            Integer remaining = max == null ? null : r.nextInt(max + 1);
            Optional<String> org = r.nextBoolean() ? Optional.of("Contoso \u00e9cole \"" + k + "\" \\ \u2028") : Optional.empty();
            StringBuilder json = new StringBuilder("{");
            json.append("\"partnerId\":\"p-").append(k).append('"');
            org.ifPresent(o -> json.append(",\"organizationName\":").append(quote(o)));
            json.append(",\"validationId\":").append(numeric ? id : quote(id));
            json.append(",\"maxCreates\":").append(max == null ? "null" : r.nextBoolean() ? max.toString() : quote(max.toString()));
            if (remaining != null || r.nextBoolean()) {
                json.append(",\"remainingCreates\":").append(remaining == null ? "null" : remaining.toString());
            }
            json.append(",\"eTag\":\"W/\\\"").append(k).append("\\\"\"}");
            objects.add(json.toString());
            expected.add(new PartnerValidationCode(ValidationCode.of(id), Optional.of("p-" + k), org,
                    max == null ? OptionalInt.empty() : OptionalInt.of(max),
                    remaining == null ? OptionalInt.empty() : OptionalInt.of(remaining), Optional.of("W/\"" + k + "\"")));
        }
        return new Doc("[" + String.join(",", objects) + "]", expected);
    }

    private static Doc validationsDoc(SeededStrings gen, Random r) {
        int count = r.nextInt(4);
        List<String> objects = new ArrayList<>();
        List<CustomerValidation> expected = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            boolean numeric = r.nextInt(4) == 0;
            String id = numeric ? Integer.toString(r.nextInt(1_000_000)) : "GCC-" + gen.hex(1 + r.nextInt(20));
            Optional<String> partner = r.nextBoolean() ? Optional.of("p-" + k) : Optional.empty();
            Optional<String> org = r.nextBoolean() ? Optional.of("Contoso \u00e9cole \"" + k + "\" \\ \u2028") : Optional.empty();
            Optional<String> eTag = r.nextBoolean() ? Optional.of("W/\"" + k + "\"") : Optional.empty();
            List<String> fields = new ArrayList<>();
            switch (r.nextInt(4)) {
                case 0 -> fields.add("\"customerId\":" + quote(ASKED.toString()));
                case 1 -> fields.add("\"customerId\":" + quote(ASKED.toString().toUpperCase(java.util.Locale.ROOT)));
                case 2 -> fields.add("\"customerId\":null");
                default -> { }
            }
            partner.ifPresent(p -> fields.add("\"partnerId\":" + quote(p)));
            fields.add("\"validationId\":" + (numeric ? id : quote(id)));
            org.ifPresent(o -> fields.add("\"organizationName\":" + quote(o)));
            eTag.ifPresent(e -> fields.add("\"eTag\":" + quote(e)));
            if (r.nextBoolean()) {
                fields.add("\"unknownField\":{\"nested\":[1,2,{\"validationId\":\"x\"}]}");
            }
            java.util.Collections.shuffle(fields, r);
            objects.add("{" + String.join(",", fields) + "}");
            expected.add(new CustomerValidation(ASKED, partner, ValidationCode.of(id), org, eTag));
        }
        return new Doc("[" + String.join(",", objects) + "]", expected);
    }

    /** A JSON string literal for any text (control characters and lone surrogates escaped). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return (List<T>) value;
    }

    /** Generators of the error-body shapes; shared with the translation fuzz test. */
    static final class ErrorBodies {
        private ErrorBodies() {}

        static Doc doc(SeededStrings gen, Random r) {
            String description = r.nextInt(5) == 0 ? gen.junk() : "No relationship " + gen.junk();
            Optional<String> expectedDescription = description.isBlank() ? Optional.empty() : Optional.of(description.strip());
            int code = r.nextInt(100_000);
            return switch (r.nextInt(5)) {
                case 0 -> new Doc("{\"code\":" + code + ",\"description\":" + quote(description)
                        + ",\"data\":[],\"source\":\"PartnerFD\"}",
                        new WireFormat.ServiceError(Optional.of(Integer.toString(code)), expectedDescription));
                case 1 -> new Doc("{\"code\":\"" + code + "\",\"description\":" + quote(description) + "}",
                        new WireFormat.ServiceError(Optional.of(Integer.toString(code)), expectedDescription));
                case 2 -> new Doc("{\"statusCode\":429,\"message\":" + quote(description) + "}",
                        new WireFormat.ServiceError(Optional.empty(), expectedDescription));
                case 3 -> new Doc("{\"error\":{\"code\":\"E" + code + "\",\"message\":" + quote(description) + "}}",
                        new WireFormat.ServiceError(Optional.of("E" + code), expectedDescription));
                default -> new Doc(quote(description), new WireFormat.ServiceError(Optional.empty(), expectedDescription));
            };
        }
    }
}
