package io.github.pcqualification.domain.policy;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** Test double: both ports, answering from a script in order and recording each call. */
final class ScriptedPort implements QualificationPort, ValidationCodePort {
    final Deque<Outcome> script = new ArrayDeque<>();
    final List<String> methods = new ArrayList<>();
    final List<OperationContext> contexts = new ArrayList<>();
    int calls;

    ScriptedPort answer(Outcome outcome) {
        script.addLast(outcome);
        return this;
    }

    private <O> O next(String method, OperationContext context, Function<Outcome, O> cast) {
        calls++;
        methods.add(method);
        contexts.add(context);
        return cast.apply(script.removeFirst());
    }

    @Override
    public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
        return next("set", context, UpdateOutcome.class::cast);
    }

    @Override
    public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
        return next("request", context, UpdateOutcome.class::cast);
    }

    @Override
    public GetOutcome getQualification(CustomerId customer, OperationContext context) {
        return next("get", context, GetOutcome.class::cast);
    }

    @Override
    public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
        return next("getAll", context, GetOutcome.class::cast);
    }

    @Override
    public CodesOutcome listValidationCodes(OperationContext context) {
        return next("codes", context, CodesOutcome.class::cast);
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
        return next("validations", context, ValidationsOutcome.class::cast);
    }

    @Override
    public String toString() {
        return "ScriptedPort";
    }
}
