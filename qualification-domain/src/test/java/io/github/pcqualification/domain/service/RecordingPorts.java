package io.github.pcqualification.domain.service;

import static com.google.common.base.Preconditions.checkState;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Test double: both outbound ports, answering from functions the test sets and recording every call
 * (method, argument, context) in order. A call with no answer set fails the test.
 */
final class RecordingPorts implements QualificationPort, ValidationCodePort {

    /** One recorded call. {@code argument} is the request, the customer, or {@code null} for the codes listing. */
    record Call(String method, Object argument, OperationContext context) {}

    private final List<Call> calls = new ArrayList<>();
    private Function<OperationContext, UpdateOutcome> onSet;
    private Function<OperationContext, UpdateOutcome> onRequest;
    private Function<OperationContext, GetOutcome> onGet;
    private Function<OperationContext, GetOutcome> onGetAll;
    private Function<OperationContext, CodesOutcome> onListCodes;
    private Function<OperationContext, ValidationsOutcome> onListValidations;

    RecordingPorts answerSet(Function<OperationContext, UpdateOutcome> answer) {
        this.onSet = answer;
        return this;
    }

    RecordingPorts answerRequest(Function<OperationContext, UpdateOutcome> answer) {
        this.onRequest = answer;
        return this;
    }

    RecordingPorts answerGet(Function<OperationContext, GetOutcome> answer) {
        this.onGet = answer;
        return this;
    }

    RecordingPorts answerGetAll(Function<OperationContext, GetOutcome> answer) {
        this.onGetAll = answer;
        return this;
    }

    RecordingPorts answerListCodes(Function<OperationContext, CodesOutcome> answer) {
        this.onListCodes = answer;
        return this;
    }

    RecordingPorts answerListValidations(Function<OperationContext, ValidationsOutcome> answer) {
        this.onListValidations = answer;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    private <T> T answer(String method, Object argument, OperationContext context, Function<OperationContext, T> answer) {
        calls.add(new Call(method, argument, context));
        checkState(answer != null, "the test set no answer for %s", method);
        return answer.apply(context);
    }

    @Override
    public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
        return answer("setQualification", request, context, onSet);
    }

    @Override
    public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
        return answer("requestQualification", request, context, onRequest);
    }

    @Override
    public GetOutcome getQualification(CustomerId customer, OperationContext context) {
        return answer("getQualification", customer, context, onGet);
    }

    @Override
    public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
        return answer("getQualifications", customer, context, onGetAll);
    }

    @Override
    public CodesOutcome listValidationCodes(OperationContext context) {
        return answer("listValidationCodes", null, context, onListCodes);
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
        return answer("listValidations", customer, context, onListValidations);
    }
}
