package io.github.pcqualification.cli;

import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.Updated;
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

    /** Lines for standard output (successes) — failures go through {@link #errorLines}. */
    static List<String> text(Outcome outcome) {
        List<String> lines = new ArrayList<>();
        if (outcome instanceof Updated u) {
            lines.add(u.qualification().vetting().isPresent()
                    ? "Requested " + safe(u.qualification().qualification()) + " for customer " + u.customer()
                            + ": vetting " + safe(u.qualification().vetting().get().status())
                            + " (correlation id " + u.correlationId() + ")"
                    : "Updated customer " + u.customer() + " to " + safe(u.qualification().qualification())
                            + " (correlation id " + u.correlationId() + ")");
        } else if (outcome instanceof Unchanged u) {
            lines.add("Unchanged: customer " + u.customer() + " already has " + safe(u.qualification().qualification())
                    + " (correlation id " + u.correlationId() + ")");
        } else if (outcome instanceof Found f) {
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
        } else if (outcome instanceof CodesListed c) {
            lines.add(c.codes().size() + (c.codes().size() == 1 ? " validation code" : " validation codes")
                    + " (correlation id " + c.correlationId() + ")");
            for (PartnerValidationCode code : c.codes()) {
                lines.add("  " + code.code() + "  remaining " + count(code.remainingCreates()) + " of "
                        + count(code.maxCreates()) + (code.isUsedUp() ? "  (used up)" : "")
                        + code.organizationName().map(o -> "  " + safe(o)).orElse(""));
            }
        }
        return lines;
    }

    /** One or two lines for standard error. */
    static List<String> errorLines(Failure failure) {
        List<String> lines = new ArrayList<>();
        if (failure instanceof InvalidRequest invalid) {
            lines.add("error: invalid request: " + violations(invalid.violations()));
            lines.add("nothing was sent (correlation id " + failure.correlationId() + ")");
        } else {
            lines.add("error: " + safe(failure.message()));
            lines.add("correlation id " + failure.correlationId() + ", request id " + failure.requestId());
        }
        return lines;
    }

    static Json json(Outcome outcome) {
        Json json = Json.object().put("outcome", kind(outcome));
        if (outcome instanceof Updated u) {
            json.put("customerId", u.customer().toString()).put("qualification", u.qualification().qualification().toString());
            u.qualification().vetting().ifPresent(v -> vettingJson(json, v));
        } else if (outcome instanceof Unchanged u) {
            json.put("customerId", u.customer().toString()).put("qualification", u.qualification().qualification().toString());
        } else if (outcome instanceof Found f) {
            json.put("customerId", f.customer().toString());
            json.put("qualifications", f.qualifications().stream().map(q -> {
                Json item = Json.object().put("qualification", q.qualification().toString());
                q.vetting().ifPresent(v -> vettingJson(item, v));
                return item;
            }).collect(Collectors.toList()));
        } else if (outcome instanceof CodesListed c) {
            json.put("codes", c.codes().stream().map(code -> Json.object()
                    .put("validationId", code.code().value())
                    .put("organizationName", code.organizationName())
                    .put("maxCreates", boxed(code.maxCreates()))
                    .put("remainingCreates", boxed(code.remainingCreates()))
                    .put("usedUp", code.isUsedUp())).collect(Collectors.toList()));
        } else if (outcome instanceof InvalidRequest i) {
            json.put("violations", i.violations().stream().map(v -> Json.object()
                    .put("rule", v.rule().name()).put("message", v.message())).collect(Collectors.toList()));
        } else if (outcome instanceof Rejected r) {
            errorJson(json, r.error());
            json.put("rule", r.rule().map(Enum::name));
        } else if (outcome instanceof NotFound n) {
            errorJson(json, n.error());
        } else if (outcome instanceof Unavailable u) {
            json.put("reason", u.reason().name());
            errorJson(json, u.error());
            json.put("retryAfterSeconds", u.retryAfter().map(d -> d.toSeconds()));
            json.put("attempts", u.attempts());
        } else if (outcome instanceof AuthenticationFailed a) {
            json.put("reason", a.problem().reason().name());
            json.put("message", a.problem().message());
            a.problem().remote().ifPresent(error -> errorJson(json, error));
            json.put("attempts", a.attempts());
        }
        return json.put("correlationId", outcome.correlationId().toString())
                .put("requestId", outcome.requestId().toString());
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

    private static void errorJson(Json json, ErrorDetail error) {
        json.put("httpStatus", boxed(error.httpStatus()))
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
