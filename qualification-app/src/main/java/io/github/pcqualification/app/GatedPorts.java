package io.github.pcqualification.app;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decorator: puts a {@link RequestGate} in front of ports that have no gate of their own (the fake),
 * so a rate cap and a job-wide pause on throttling apply to them as they do to the REST adapter,
 * which calls the gate before each attempt itself.
 */
final class GatedPorts implements QualificationPort, ValidationCodePort {

    private final QualificationPort qualifications;
    private final ValidationCodePort codes;
    private final RequestGate gate;

    GatedPorts(QualificationPort qualifications, ValidationCodePort codes, RequestGate gate) {
        this.qualifications = qualifications;
        this.codes = codes;
        this.gate = gate;
    }

    @Override
    public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
        return gated(context, () -> qualifications.setQualification(request, context));
    }

    @Override
    public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
        return gated(context, () -> qualifications.requestQualification(request, context));
    }

    @Override
    public GetOutcome getQualification(CustomerId customer, OperationContext context) {
        return gated(context, () -> qualifications.getQualification(customer, context));
    }

    @Override
    public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
        return gated(context, () -> qualifications.getQualifications(customer, context));
    }

    @Override
    public CodesOutcome listValidationCodes(OperationContext context) {
        return gated(context, () -> codes.listValidationCodes(context));
    }

    @SuppressWarnings("unchecked")
    private <T extends Outcome> T gated(OperationContext context, Supplier<T> call) {
        try {
            gate.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return (T) new Unavailable(Unavailable.Reason.TIMED_OUT,
                    ErrorDetail.withoutResponse("interrupted while waiting for a turn to send"), Optional.empty(), 0,
                    context);
        }
        T outcome = call.get();
        if (outcome instanceof Unavailable u && u.reason() == Unavailable.Reason.THROTTLED) {
            u.retryAfter().ifPresent(gate::throttled);
        }
        return outcome;
    }
}
