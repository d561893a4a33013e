package io.github.pcqualification.cli;

import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** How outcomes look on the terminal (text) and for machines ({@code --json}). */
final class Render {

    private Render() {}

    /**
     * What text mode prints for an outcome: lines for standard output for a success, lines for standard error for a
     * failure.
     */
    record Text(List<String> out, List<String> err) {
        static Text out(List<String> lines) {
            return new Text(lines, List.of());
        }

        static Text err(List<String> lines) {
            return new Text(List.of(), lines);
        }
    }

    static Text text(UpdateOutcome outcome) {
        return outcome.foldUpdate(updated -> Text.out(lines(updated)), unchanged -> Text.out(lines(unchanged)),
                failure -> Text.err(errorLines(failure)));
    }

    static Text text(GetOutcome outcome) {
        return outcome.foldGet(found -> Text.out(lines(found)), failure -> Text.err(errorLines(failure)));
    }

    static Text text(CodesOutcome outcome) {
        return outcome.foldCodes(listed -> Text.out(lines(listed)), failure -> Text.err(errorLines(failure)));
    }

    static Text text(ValidationsOutcome outcome) {
        return outcome.foldValidations(listed -> Text.out(lines(listed)), failure -> Text.err(errorLines(failure)));
    }

    private static List<String> lines(Updated u) {
        return List.of(u.qualification().vetting().isPresent()
                ? "Requested " + safe(u.qualification().qualification()) + " for customer " + u.customer()
                        + ": vetting " + safe(u.qualification().vetting().get().status())
                        + " (correlation id " + u.correlationId() + ")"
                : "Updated customer " + u.customer() + " to " + safe(u.qualification().qualification())
                        + " (correlation id " + u.correlationId() + ")");
    }

    private static List<String> lines(Unchanged u) {
        return List.of("Unchanged: customer " + u.customer() + " already has " + safe(u.qualification().qualification())
                + " (correlation id " + u.correlationId() + ")");
    }

    private static List<String> lines(Found f) {
        List<String> lines = new ArrayList<>();
        if (f.qualifications().size() == 1 && f.qualifications().get(0).vetting().isEmpty()) {
            lines.add("Customer " + f.customer() + ": " + safe(f.qualifications().get(0).qualification())
                    + " (correlation id " + f.correlationId() + ")");
        } else {
            lines.add("Customer " + f.customer() + ": " + f.qualifications().size()
                    + (f.qualifications().size() == 1 ? " qualification" : " qualifications")
                    + " (correlation id " + f.correlationId() + ")");
            for (CustomerQualification q : f.qualifications()) {
                lines.add("  " + safe(q.qualification()) + q.vetting().map(Render::vettingText).orElse(""));
            }
        }
        return lines;
    }

    private static List<String> lines(CodesListed c) {
        List<String> lines = new ArrayList<>();
        lines.add(c.codes().size() + (c.codes().size() == 1 ? " validation code" : " validation codes")
                + " (correlation id " + c.correlationId() + ")");
        for (PartnerValidationCode code : c.codes()) {
            lines.add("  " + code.code() + "  remaining " + count(code.remainingCreates()) + " of "
                    + count(code.maxCreates()) + (code.isUsedUp() ? "  (used up)" : "")
                    + code.organizationName().map(o -> "  " + safe(o)).orElse(""));
        }
        return lines;
    }

    private static List<String> lines(ValidationsListed v) {
        List<String> lines = new ArrayList<>();
        int count = v.validations().size();
        lines.add("Customer " + v.customer() + ": " + (count == 0 ? "no" : Integer.toString(count))
                + (count == 1 ? " linked validation" : " linked validations") + " (correlation id " + v.correlationId() + ")");
        for (CustomerValidation validation : v.validations()) {
            lines.add("  " + safe(validation.validationId()) + validation.organizationName().map(o -> "  " + safe(o)).orElse("")
                    + validation.partnerId().map(p -> "  partner " + safe(p)).orElse(""));
        }
        return lines;
    }

    /** Two lines for standard error. */
    static List<String> errorLines(Failure failure) {
        return failure.foldFailure(
                invalid -> List.of("error: invalid request: " + violations(invalid.violations()),
                        "nothing was sent (correlation id " + invalid.correlationId() + ")"),
                Render::answeredErrorLines, Render::answeredErrorLines, Render::answeredErrorLines,
                Render::answeredErrorLines);
    }

    /** A failure's message and both ids (it may have reached the service, which knows the request by them). */
    private static List<String> answeredErrorLines(Failure failure) {
        return List.of("error: " + safe(failure.message()),
                "correlation id " + failure.correlationId() + ", request id " + failure.requestId());
    }

    static Json json(UpdateOutcome outcome) {
        Json json = jsonStart(outcome);
        return jsonEnd(outcome.foldUpdate(updated -> fields(json, updated), unchanged -> fields(json, unchanged),
                failure -> fields(json, failure)), outcome);
    }

    static Json json(GetOutcome outcome) {
        Json json = jsonStart(outcome);
        return jsonEnd(outcome.foldGet(found -> fields(json, found), failure -> fields(json, failure)), outcome);
    }

    static Json json(CodesOutcome outcome) {
        Json json = jsonStart(outcome);
        return jsonEnd(outcome.foldCodes(listed -> fields(json, listed), failure -> fields(json, failure)), outcome);
    }

    static Json json(ValidationsOutcome outcome) {
        Json json = jsonStart(outcome);
        return jsonEnd(outcome.foldValidations(listed -> fields(json, listed), failure -> fields(json, failure)),
                outcome);
    }

    private static Json jsonStart(Outcome outcome) {
        return Json.object().put("outcome", kind(outcome));
    }

    private static Json jsonEnd(Json json, Outcome outcome) {
        return json.put("correlationId", outcome.correlationId().toString())
                .put("requestId", outcome.requestId().toString());
    }

    private static Json fields(Json json, Updated u) {
        json.put("customerId", u.customer().toString()).put("qualification", u.qualification().qualification().toString());
        u.qualification().vetting().ifPresent(v -> vettingJson(json, v));
        return json;
    }

    private static Json fields(Json json, Unchanged u) {
        return json.put("customerId", u.customer().toString())
                .put("qualification", u.qualification().qualification().toString());
    }

    private static Json fields(Json json, Found f) {
        json.put("customerId", f.customer().toString());
        return json.put("qualifications", f.qualifications().stream().map(q -> {
            Json item = Json.object().put("qualification", q.qualification().toString());
            q.vetting().ifPresent(v -> vettingJson(item, v));
            return item;
        }).collect(Collectors.toList()));
    }

    private static Json fields(Json json, CodesListed c) {
        return json.put("codes", c.codes().stream().map(code -> Json.object()
                .put("validationId", code.code().value())
                .put("organizationName", code.organizationName())
                .put("maxCreates", boxed(code.maxCreates()))
                .put("remainingCreates", boxed(code.remainingCreates()))
                .put("usedUp", code.isUsedUp())).collect(Collectors.toList()));
    }

    private static Json fields(Json json, ValidationsListed v) {
        json.put("customerId", v.customer().toString());
        return json.put("validations", v.validations().stream().map(validation -> Json.object()
                .put("validationId", validation.validationId().value())
                .put("partnerId", validation.partnerId())
                .put("organizationName", validation.organizationName())
                .put("eTag", validation.eTag())).collect(Collectors.toList()));
    }

    private static Json fields(Json json, Failure failure) {
        return failure.foldFailure(
                i -> json.put("violations", i.violations().stream().map(v -> Json.object()
                        .put("rule", v.rule().name()).put("message", v.message())).collect(Collectors.toList())),
                r -> errorJson(json, r.error()).put("reason", r.reason().name()),
                n -> errorJson(json, n.error()),
                u -> {
                    json.put("reason", u.reason().name());
                    errorJson(json, u.error());
                    return json.put("retryAfterSeconds", u.retryAfter().map(d -> d.toSeconds()))
                            .put("attempts", u.attempts());
                },
                a -> {
                    json.put("reason", a.problem().reason().name());
                    json.put("message", a.problem().message());
                    a.problem().remote().ifPresent(error -> errorJson(json, error));
                    return json.put("attempts", a.attempts());
                });
    }

    static String kind(Outcome outcome) {
        String simple = outcome.getClass().getSimpleName();
        StringBuilder out = new StringBuilder();
        for (char c : simple.toCharArray()) {
            if (Character.isUpperCase(c) && out.length() > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The violations' messages, with the CLI's hint where a flag would help. */
    static String violations(List<RuleViolation> violations) {
        return violations.stream()
                .map(v -> v.rule() == Rule.NOT_SETTABLE_SYNCHRONOUSLY ? v.message() + " (use --async)" : v.message())
                .collect(Collectors.joining("; "));
    }

    private static Json errorJson(Json json, ErrorDetail error) {
        return json.put("httpStatus", boxed(error.httpStatus()))
                .put("serviceCode", error.serviceCode())
                .put("description", error.description());
    }

    private static void vettingJson(Json json, Vetting v) {
        json.put("vettingStatus", v.status().toString())
                .put("vettingReason", v.reason())
                .put("vettingCreatedDate", v.createdAt().map(Object::toString));
    }

    private static String vettingText(Vetting v) {
        return "  " + safe(v.status()) + v.createdAt().map(d -> "  since " + d).orElse("")
                + v.reason().map(r -> "  (" + safe(r) + ")").orElse("");
    }

    /** Text the service chose, made safe for a terminal line: {@link Printable#escapeInvisible(String)}. */
    private static String safe(Object value) {
        return Printable.escapeInvisible(String.valueOf(value));
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static String count(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "?";
    }
}
