package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.server.WireAnswers.Answer;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wire writer on the failures the backing fake never gives (the server answers those before the fake is asked),
 * so the emulator still answers them in the service's shapes should a backend give them.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WireAnswersTest {

    private final OperationContext context = OperationContext.newOperation();

    @Test
    void anInvalidRequest_is400WithItsViolationsAsABareJsonString() {
        InvalidRequest invalid = new InvalidRequest(List.of(
                new RuleViolation(Rule.VALIDATION_CODE_REQUIRED, "GovernmentCommunityCloud needs a validation code"),
                new RuleViolation(Rule.EDUCATION_DETAILS_NOT_ACCEPTED, "only Education takes a segment")), context);

        Answer answer = WireAnswers.failure(invalid);

        assertThat(answer).isEqualTo(new Answer(400,
                "\"GovernmentCommunityCloud needs a validation code; only Education takes a segment\"", Map.of()));
    }

    @Test
    void anAuthenticationFailure_is500ApiFault_sinceTheServerAnswers401ItselfBeforeAskingTheFake() {
        AuthenticationFailed failed = new AuthenticationFailed(CredentialProblem.refusedByService(
                ErrorDetail.of(401, Optional.of("401"), "Access denied.")), 2, context);

        Answer answer = WireAnswers.failure(failed);

        assertThat(answer).isEqualTo(new Answer(500, "{\"code\":500,\"description\":\"The fake answered "
                + "AuthenticationFailed, which the server answers as 401 itself.\",\"data\":[],\"source\":\"PartnerFD\"}",
                Map.of()));
    }
}
