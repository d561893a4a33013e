package io.github.pcqualification.adapter.rest;

import com.google.common.collect.ImmutableList;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.model.Website;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The one mapper between the wire's JSON and the domain. Reading never throws: an answer that is not
 * the expected shape is {@link Optional#empty()}, and the caller turns that into a typed failure.
 */
final class WireFormat {

    static final MediaType JSON = MediaType.get("application/json");

    /** What an error body said, where it said anything. */
    record ServiceError(Optional<String> code, Optional<String> description) {
        static final ServiceError NOTHING = new ServiceError(Optional.empty(), Optional.empty());
    }

    private static final JsonReader.Options QUALIFICATION_FIELDS = JsonReader.Options.of(
            "qualification", "vettingStatus", "vettingReason", "vettingCreateDate", "vettingCreatedDate", "qualifications");
    private static final JsonReader.Options CODE_FIELDS = JsonReader.Options.of(
            "partnerId", "organizationName", "validationId", "maxCreates", "remainingCreates", "eTag");
    private static final JsonReader.Options VALIDATION_FIELDS = JsonReader.Options.of(
            "customerId", "partnerId", "validationId", "organizationName", "eTag");

    private final JsonAdapter<Object> anyJson;
    /** The PUT bodies, written once: a byte-array body is immutable and may be sent again (retries, threads). */
    private final Map<Qualification, RequestBody> syncBodies;

    WireFormat() {
        // The records are read by hand below: Moshi's record adapter needs public records, and ours stay package-private.
        this.anyJson = new Moshi.Builder().build().adapter(Object.class);
        Map<Qualification, RequestBody> bodies = new EnumMap<>(Qualification.class);
        for (Qualification qualification : Qualification.values()) {
            bodies.put(qualification, writeSyncBody(qualification));
        }
        this.syncBodies = Collections.unmodifiableMap(bodies);
    }

    // ---- requests

    /** The synchronous PUT's body: the PascalCase name as a bare JSON string, e.g. {@code "Education"}. */
    RequestBody syncBody(Qualification qualification) {
        return syncBodies.get(qualification);
    }

    private static RequestBody writeSyncBody(Qualification qualification) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.value(qualification.wireName());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a memory buffer cannot fail", e);
        }
        return RequestBody.create(buffer.readByteArray(), JSON);
    }

    /** The asynchronous POST's body, nulls omitted, keys in the documented order. */
    RequestBody asyncBody(QualificationRequest request) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.beginObject();
            writer.name("qualification").value(request.qualification().wireName());
            Optional<EducationSegment> segment = request.educationSegment();
            if (segment.isPresent()) {
                writer.name("educationSegment").value(segment.get().wireName());
            }
            Optional<Website> website = request.website();
            if (website.isPresent()) {
                writer.name("website").value(website.get().value());
            }
            Optional<ValidationCode> code = request.validationCode();
            if (code.isPresent()) {
                writer.name("validationCode").value(code.get().value());
            }
            writer.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a memory buffer cannot fail", e);
        }
        return RequestBody.create(buffer.readByteArray(), JSON);
    }

    // ---- successful answers

    /** The synchronous answer: a bare, non-blank JSON string such as {@code "education"}. */
    Optional<ReportedQualification> parseSyncValue(String body) {
        try {
            JsonReader reader = reader(body);
            if (reader.peek() != JsonReader.Token.STRING) {
                return Optional.empty();
            }
            String value = reader.nextString();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT || value.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(ReportedQualification.fromWire(value));
        } catch (IOException | JsonDataException e) {
            return Optional.empty();
        }
    }

    /**
     * The asynchronous answer: one object, {@code {"qualifications":[...]}}, or a bare array. Empty if
     * it is none of these, or an entry names no qualification.
     */
    Optional<List<CustomerQualification>> parseQualifications(String body) {
        try {
            JsonReader reader = reader(body);
            List<QualificationJson> entries;
            if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
                entries = readQualificationList(reader);
            } else if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
                QualificationJson json = readQualification(reader, true);
                entries = json.qualifications() != null ? json.qualifications()
                        : json.qualification() != null ? List.of(json) : null;
            } else {
                return Optional.empty();
            }
            if (entries == null || reader.peek() != JsonReader.Token.END_DOCUMENT) {
                return Optional.empty();
            }
            ImmutableList.Builder<CustomerQualification> out = ImmutableList.builder();
            for (QualificationJson entry : entries) {
                if (entry == null || entry.qualification() == null || entry.qualification().isBlank()) {
                    return Optional.empty();
                }
                out.add(toDomain(entry));
            }
            return Optional.of(out.build());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The partner's validation codes: a bare array; a code without a valid {@code validationId} makes it unreadable. */
    Optional<List<PartnerValidationCode>> parseCodes(String body) {
        try {
            JsonReader reader = reader(body);
            if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
                return Optional.empty();
            }
            List<ValidationCodeJson> entries = readCodeList(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                return Optional.empty();
            }
            ImmutableList.Builder<PartnerValidationCode> out = ImmutableList.builder();
            for (ValidationCodeJson entry : entries) {
                if (entry == null || entry.validationId() == null) {
                    return Optional.empty();
                }
                out.add(new PartnerValidationCode(
                        ValidationCode.of(entry.validationId()),
                        Optional.ofNullable(entry.partnerId()),
                        Optional.ofNullable(entry.organizationName()),
                        optionalInt(entry.maxCreates()),
                        optionalInt(entry.remainingCreates()),
                        Optional.ofNullable(entry.eTag())));
            }
            return Optional.of(out.build());
        } catch (IOException | RuntimeException e) {
            // JsonDataException for wrong types; IllegalArgumentException for an invalid code or count
            return Optional.empty();
        }
    }

    /**
     * The validations linked to {@code customer}: a bare array, like the partner's codes. An entry without a valid
     * {@code validationId}, or naming another customer (or something that is not a customer id), makes it unreadable:
     * an answer about another tenant is never taken as this one's. An entry naming no customer is taken as the one
     * asked about (the docs are thin; the path names the customer already).
     */
    Optional<List<CustomerValidation>> parseValidations(String body, CustomerId customer) {
        try {
            JsonReader reader = reader(body);
            if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
                return Optional.empty();
            }
            List<CustomerValidationJson> entries = readValidationList(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                return Optional.empty();
            }
            ImmutableList.Builder<CustomerValidation> out = ImmutableList.builder();
            for (CustomerValidationJson entry : entries) {
                if (entry == null || entry.validationId() == null) {
                    return Optional.empty();
                }
                if (entry.customerId() != null && !CustomerId.parse(entry.customerId()).equals(customer)) {
                    return Optional.empty();
                }
                out.add(new CustomerValidation(
                        customer,
                        Optional.ofNullable(entry.partnerId()),
                        ValidationCode.of(entry.validationId()),
                        Optional.ofNullable(entry.organizationName()),
                        Optional.ofNullable(entry.eTag())));
            }
            return Optional.of(out.build());
        } catch (IOException | RuntimeException e) {
            // JsonDataException for wrong types; IllegalArgumentException for an invalid code or customer id
            return Optional.empty();
        }
    }

    // ---- error answers

    /**
     * What an error body says: an ApiFault ({@code code} number or string, {@code description}), the
     * throttling body ({@code message}), an {@code {"error":{...}}} wrapper, or a bare JSON string.
     * Anything else (HTML, text, nothing) says nothing.
     */
    ServiceError parseError(String body) {
        if (body.isBlank()) {
            return ServiceError.NOTHING;
        }
        Object json;
        try {
            JsonReader reader = reader(body);
            json = anyJson.fromJson(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                return ServiceError.NOTHING;
            }
        } catch (IOException | RuntimeException e) {
            return ServiceError.NOTHING;
        }
        return fromTree(json, 0);
    }

    private static ServiceError fromTree(@Nullable Object json, int depth) {
        if (json instanceof String text) {
            return new ServiceError(Optional.empty(), nonBlank(text));
        }
        if (!(json instanceof Map<?, ?> map)) {
            return ServiceError.NOTHING;
        }
        if (depth == 0 && map.get("error") instanceof Map<?, ?> inner) {
            return fromTree(inner, 1);
        }
        Optional<String> code = scalar(map.get("code"));
        Optional<String> description = scalar(map.get("description")).or(() -> scalar(map.get("message")));
        return new ServiceError(code, description);
    }

    private static Optional<String> scalar(@Nullable Object value) {
        if (value instanceof String text) {
            return nonBlank(text);
        }
        if (value instanceof Double number) {
            double d = number;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Optional.of(Long.toString((long) d));
            }
            return Optional.of(number.toString());
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    // ---- the records, read field by field: unknown fields skipped, nulls tolerated, wrong types refused

    private static @Nullable List<QualificationJson> readQualificationList(JsonReader reader)
            throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        List<QualificationJson> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            out.add(reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : readQualification(reader, false));
        }
        reader.endArray();
        return out;
    }

    private static QualificationJson readQualification(JsonReader reader, boolean allowWrapper) throws IOException {
        String qualification = null;
        String vettingStatus = null;
        String vettingReason = null;
        String vettingCreateDate = null;
        String vettingCreatedDate = null;
        List<QualificationJson> qualifications = null;
        java.util.BitSet seen = new java.util.BitSet();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (once(reader.selectName(QUALIFICATION_FIELDS), seen, reader)) {
                case 0 -> qualification = text(reader);
                case 1 -> vettingStatus = text(reader);
                case 2 -> vettingReason = text(reader);
                case 3 -> vettingCreateDate = text(reader);
                case 4 -> vettingCreatedDate = text(reader);
                case 5 -> {
                    if (!allowWrapper) {
                        throw new JsonDataException("nested qualifications at " + reader.getPath());
                    }
                    qualifications = readQualificationList(reader);
                }
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        return new QualificationJson(qualification, vettingStatus, vettingReason, vettingCreateDate,
                vettingCreatedDate, qualifications);
    }

    /**
     * A known field named twice is refused: parsers disagree on which one counts ({@code {"qualification":"none",
     * "qualification":"education"}}), so the answer means nothing certain.
     */
    private static int once(int field, java.util.BitSet seen, JsonReader reader) {
        if (field >= 0) {
            if (seen.get(field)) {
                throw new JsonDataException("duplicate key at " + reader.getPath());
            }
            seen.set(field);
        }
        return field;
    }

    private static List<ValidationCodeJson> readCodeList(JsonReader reader) throws IOException {
        List<ValidationCodeJson> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            out.add(readCode(reader));
        }
        reader.endArray();
        return out;
    }

    private static ValidationCodeJson readCode(JsonReader reader) throws IOException {
        String partnerId = null;
        String organizationName = null;
        String validationId = null;
        Integer maxCreates = null;
        Integer remainingCreates = null;
        String eTag = null;
        java.util.BitSet seen = new java.util.BitSet();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (once(reader.selectName(CODE_FIELDS), seen, reader)) {
                case 0 -> partnerId = text(reader);
                case 1 -> organizationName = text(reader);
                case 2 -> validationId = text(reader);
                case 3 -> maxCreates = integer(reader);
                case 4 -> remainingCreates = integer(reader);
                case 5 -> eTag = text(reader);
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        return new ValidationCodeJson(partnerId, organizationName, validationId, maxCreates, remainingCreates, eTag);
    }

    private static List<CustomerValidationJson> readValidationList(JsonReader reader) throws IOException {
        List<CustomerValidationJson> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            out.add(readValidation(reader));
        }
        reader.endArray();
        return out;
    }

    private static CustomerValidationJson readValidation(JsonReader reader) throws IOException {
        String customerId = null;
        String partnerId = null;
        String validationId = null;
        String organizationName = null;
        String eTag = null;
        java.util.BitSet seen = new java.util.BitSet();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (once(reader.selectName(VALIDATION_FIELDS), seen, reader)) {
                case 0 -> customerId = text(reader);
                case 1 -> partnerId = text(reader);
                case 2 -> validationId = text(reader);
                case 3 -> organizationName = text(reader);
                case 4 -> eTag = text(reader);
                default -> {
                    reader.skipName();
                    reader.skipValue();
                }
            }
        }
        reader.endObject();
        return new CustomerValidationJson(customerId, partnerId, validationId, organizationName, eTag);
    }

    /** A string (a number is taken as its text, as the docs show ids both ways) or null. */
    private static @Nullable String text(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
            return reader.nextString();
        }
        throw new JsonDataException("expected a string at " + reader.getPath() + " but was " + token);
    }

    /** An int (a numeric string is accepted) or null. */
    private static @Nullable Integer integer(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        return reader.nextInt();
    }

    // ---- helpers

    private static CustomerQualification toDomain(QualificationJson entry) {
        ReportedQualification value = ReportedQualification.fromWire(entry.qualification());
        Optional<Vetting> vetting = Optional.ofNullable(entry.vettingStatus())
                .filter(s -> !s.isBlank())
                .map(status -> new Vetting(VettingStatus.fromWire(status),
                        Optional.ofNullable(entry.vettingReason()).filter(r -> !r.isBlank()),
                        instant(entry.vettingCreateDate()).or(() -> instant(entry.vettingCreatedDate()))));
        return new CustomerQualification(value, vetting);
    }

    /** A date as the service writes it: with {@code Z}, with an offset, or (assumed UTC) with neither. */
    static Optional<Instant> instant(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static OptionalInt optionalInt(@Nullable Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static JsonReader reader(String body) {
        return JsonReader.of(new Buffer().writeUtf8(body));
    }
}
