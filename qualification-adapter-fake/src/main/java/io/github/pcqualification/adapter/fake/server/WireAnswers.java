package io.github.pcqualification.adapter.fake.server;

import io.github.pcqualification.adapter.fake.FakeJson;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's wire writer: Partner Center's answers as bytes on the wire, written from the fake's outcomes
 * (status, service code, description, {@code Retry-After}); the fake itself keeps no wire text. Error bodies take
 * the service's three shapes: an ApiFault {@code {"code":..,"description":..,"data":[],"source":"PartnerFD"}} where
 * the service names a code, the throttling body {@code {"statusCode":429,"message":..}} for {@code 429}, and a bare
 * JSON string otherwise, so the REST adapter reads back exactly the fake's {@link ErrorDetail}.
 */
final class WireAnswers {

    private WireAnswers() {}

    /** What to send back: every answer of the service has a JSON body. */
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, Object value) {
            return new Answer(status, FakeJson.write(value), Map.of());
        }
    }

    /** An ApiFault answer. */
    static Answer fault(int status, String code, String description) {
        return new Answer(status, FakeJson.apiFault(code, description), Map.of());
    }

    /** A failure outcome of the backing fake as the service's HTTP answer. */
    static Answer failure(Failure failure) {
        return failure.foldFailure(
                invalid -> Answer.json(400, invalid.message()),
                rejected -> error(rejected.error(), 400),
                notFound -> error(notFound.error(), 404),
                unavailable -> {
                    Answer body = error(unavailable.error(), 503);
                    return new Answer(body.status(), body.body(), unavailable.retryAfter()
                            .map(d -> Map.of("Retry-After", Long.toString(d.toSeconds()))).orElse(Map.of()));
                },
                authentication -> fault(500, "500", "The fake answered AuthenticationFailed, which the"
                        + " server answers as 401 itself."));
    }

    /** An error answer in the shape the service uses for its status and code. */
    static Answer error(ErrorDetail error, int defaultStatus) {
        int status = error.httpStatus().orElse(defaultStatus);
        return error.serviceCode().map(code -> fault(status, code, error.description()))
                .orElseGet(() -> Answer.json(status, status == 429 ? throttlingBody(error.description())
                        : error.description()));
    }

    private static Map<String, Object> throttlingBody(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", 429);
        body.put("message", message);
        return body;
    }

    /** The synchronous API's answer: the value as a bare JSON string in lower case. */
    static Answer syncValue(int status, ReportedQualification value) {
        return Answer.json(status, value.toString().toLowerCase(Locale.ROOT));
    }

    /** One qualification object of the asynchronous API. */
    static Map<String, Object> qualificationObject(CustomerQualification qualification) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("qualification", qualification.qualification().toString());
        qualification.vetting().ifPresent((Vetting vetting) -> {
            object.put("vettingStatus", vetting.status().toString());
            vetting.reason().ifPresent(reason -> object.put("vettingReason", reason));
            vetting.createdAt().ifPresent(at -> object.put("vettingCreateDate", at.toString()));
        });
        return object;
    }

    /** {@code {"qualifications":[...]}}. */
    static Answer qualifications(List<CustomerQualification> qualifications) {
        List<Object> list = new ArrayList<>();
        qualifications.forEach(q -> list.add(qualificationObject(q)));
        return Answer.json(200, Map.of("qualifications", list));
    }

    /** The validation codes as a bare array of ValidationCode objects. */
    static Answer codes(List<PartnerValidationCode> codes) {
        List<Object> list = new ArrayList<>();
        for (PartnerValidationCode code : codes) {
            Map<String, Object> object = new LinkedHashMap<>();
            code.partnerId().ifPresent(v -> object.put("partnerId", v));
            code.organizationName().ifPresent(v -> object.put("organizationName", v));
            object.put("validationId", code.code().value());
            code.maxCreates().ifPresent(v -> object.put("maxCreates", v));
            code.remainingCreates().ifPresent(v -> object.put("remainingCreates", v));
            code.eTag().ifPresent(v -> object.put("eTag", v));
            list.add(object);
        }
        return Answer.json(200, list);
    }

    /** The validations linked to a customer as a bare array, each object naming the customer first. */
    static Answer validations(List<CustomerValidation> validations) {
        List<Object> list = new ArrayList<>();
        for (CustomerValidation validation : validations) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("customerId", validation.customer().toString());
            validation.partnerId().ifPresent(v -> object.put("partnerId", v));
            object.put("validationId", validation.validationId().value());
            validation.organizationName().ifPresent(v -> object.put("organizationName", v));
            validation.eTag().ifPresent(v -> object.put("eTag", v));
            list.add(object);
        }
        return Answer.json(200, list);
    }
}
