package io.github.pcqualification.adapter.fake.server;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.pcqualification.adapter.fake.FakeJson;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.WireAnswers.Answer;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.outcome.Failure;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated endpoints: each reads the request as the service would, asks the backing fake, and has
 * {@link WireAnswers} write the answer. Thread-safe.
 */
final class EmulatedEndpoints {

    private final InMemoryPartnerCenter backend;
    /** Operations (by MS-RequestId) refused with 401: their repeat with a renewed token is refused too. */
    private final Set<String> unauthorizedRequests = ConcurrentHashMap.newKeySet();

    EmulatedEndpoints(InMemoryPartnerCenter backend) {
        this.backend = backend;
    }

    /** Whether this request repeats an operation refused with {@code 401}: its renewed token is refused too. */
    boolean repeatsARefusedOperation(String requestId) {
        return requestId != null && unauthorizedRequests.remove(requestId);
    }

    Answer setQualification(CustomerId customer, String body, String rawQuery, OperationContext context) {
        Optional<Qualification> qualification = parseQualification(readJson(body));
        if (qualification.isEmpty()) {
            return WireAnswers.fault(400, "900126", "Unable to parse the qualification in the request body.");
        }
        Optional<ValidationCode> code;
        try {
            code = queryParameter(rawQuery, "code").map(ValidationCode::of);
        } catch (IllegalArgumentException e) {
            return Answer.json(400, "The validation code is not valid.");
        }
        QualificationRequest request = new QualificationRequest(customer, qualification.get(), code,
                Optional.empty(), Optional.empty());
        return backend.setQualification(request, context).foldUpdate(
                updated -> WireAnswers.syncValue(200, updated.qualification().qualification()),
                unchanged -> WireAnswers.fault(500, "500", "The fake answered Unchanged, which has no wire form."),
                failure -> failure(failure, context));
    }

    Answer getQualification(CustomerId customer, OperationContext context) {
        return backend.getQualification(customer, context).foldGet(
                found -> WireAnswers.syncValue(200, found.values().isEmpty()
                        ? ReportedQualification.of(Qualification.NONE) : found.values().get(0)),
                failure -> failure(failure, context));
    }

    Answer requestQualification(CustomerId customer, String body, OperationContext context) {
        Object json = readJson(body);
        if (!(json instanceof Map<?, ?> fields)) {
            return WireAnswers.fault(400, "900126", "Unable to parse the request body: expected an object.");
        }
        Optional<Qualification> qualification = parseQualification(fields.get("qualification"));
        if (qualification.isEmpty()) {
            return WireAnswers.fault(400, "900126", "Unable to parse the qualification in the request body.");
        }
        Optional<EducationSegment> segment = Optional.empty();
        Object segmentName = fields.get("educationSegment");
        if (segmentName != null) {
            segment = segmentName instanceof String s ? EducationSegment.fromName(s) : Optional.empty();
            if (segment.isEmpty()) {
                return WireAnswers.fault(400, "900126", "Unable to parse the educationSegment in the request body.");
            }
        }
        Optional<Website> website;
        Optional<ValidationCode> code;
        try {
            website = optionalString(fields, "website").map(Website::of);
            code = optionalString(fields, "validationCode").map(ValidationCode::of);
        } catch (IllegalArgumentException e) {
            return Answer.json(400, "The website or validation code is not valid.");
        }
        QualificationRequest request = new QualificationRequest(customer, qualification.get(), code, segment, website);
        return backend.requestQualification(request, context).foldUpdate(
                updated -> Answer.json(201, WireAnswers.qualificationObject(updated.qualification())),
                unchanged -> WireAnswers.fault(500, "500", "The fake answered Unchanged, which has no wire form."),
                failure -> failure(failure, context));
    }

    Answer getQualifications(CustomerId customer, OperationContext context) {
        return backend.getQualifications(customer, context).foldGet(
                found -> WireAnswers.qualifications(found.qualifications()), failure -> failure(failure, context));
    }

    Answer codes(OperationContext context) {
        return backend.listValidationCodes(context).foldCodes(listed -> WireAnswers.codes(listed.codes()),
                failure -> failure(failure, context));
    }

    Answer validations(CustomerId customer, OperationContext context) {
        return backend.listValidations(customer, context).foldValidations(
                listed -> WireAnswers.validations(listed.validations()), failure -> failure(failure, context));
    }

    /** A scripted {@code Fault.unauthorized()}: 401 now, and 401 again to this operation's renewed repeat. */
    private Answer failure(Failure failure, OperationContext context) {
        return failure.foldFailure(WireAnswers::failure, WireAnswers::failure, WireAnswers::failure,
                WireAnswers::failure, authentication -> {
                    if (unauthorizedRequests.size() < 10_000) {
                        unauthorizedRequests.add(context.requestId().toString());
                    }
                    return FakePartnerCenterServer.unauthorized();
                });
    }

    /** A JSON string names the value (leniently, like the service's answers); a whole number is the enum's int. */
    private static Optional<Qualification> parseQualification(Object json) {
        if (json instanceof String name) {
            return Qualification.fromName(name);
        }
        if (json instanceof Double number && number == Math.rint(number)) {
            for (Qualification q : Qualification.values()) {
                if (q.enumValue() == number.intValue()) {
                    return Optional.of(q);
                }
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON value, or {@code null} when it is not JSON (a parse failure answers 400 the same way). */
    private static Object readJson(String body) {
        try {
            return FakeJson.read(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> optionalString(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        checkArgument(value instanceof String, "%s must be a string", name);
        return Optional.of((String) value);
    }

    private static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
