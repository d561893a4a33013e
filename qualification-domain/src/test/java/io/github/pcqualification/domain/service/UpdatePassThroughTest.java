package io.github.pcqualification.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer of the port to an update other than a refusal of the request itself is the use case's outcome, the
 * very same object, with no follow-up read.
 */
class UpdatePassThroughTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final OperationContext CONTEXT =
            new OperationContext(new CorrelationId(new UUID(0xC0, 1)), new RequestId(new UUID(0xE0, 1)));

    static Stream<UpdateOutcome> answers() {
        ErrorDetail error = ErrorDetail.of(404, Optional.of("60003"), "Tenant not found");
        return Stream.of(
                new Unchanged(CUSTOMER, CustomerQualification.of(Qualification.EDUCATION), CONTEXT),
                new InvalidRequest(List.of(new RuleViolation(Rule.IRREVERSIBLE, "already set")), CONTEXT),
                new NotFound(error, CONTEXT),
                new Unavailable(Unavailable.Reason.SERVER_ERROR, ErrorDetail.withoutResponse("down"), Optional.empty(),
                        1, CONTEXT),
                new AuthenticationFailed(CredentialProblem.refusedByService(
                        ErrorDetail.of(401, Optional.empty(), "denied")), 2, CONTEXT));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("answers")
    void thePortsAnswer_isTheOutcome_throughEitherApi(UpdateOutcome answer) {
        for (ApiMode mode : ApiMode.values()) {
            RecordingPorts ports = new RecordingPorts();
            Function<OperationContext, UpdateOutcome> answering = context -> answer;
            ports.answerSet(answering).answerRequest(answering);
            QualificationService service = new QualificationService(ports, ports, mode, () -> CONTEXT);
            QualificationRequest request = mode == ApiMode.SYNCHRONOUS
                    ? QualificationRequest.education(CUSTOMER)
                    : QualificationRequest.education(CUSTOMER,
                            EducationSegment.K12, Optional.empty());

            UpdateOutcome outcome = service.update(request);

            assertThat(outcome).as(mode.name()).isSameAs(answer);
            assertThat(ports.calls()).as(mode.name()).hasSize(1);
        }
    }
}
