package io.github.pcqualification.domain.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.model.OperationContext;
import org.junit.jupiter.api.Test;

/** An authentication failure's request count, its copies, and the one credential problem found before sending. */
class FailureCopiesTest {

    private static final OperationContext CONTEXT = OperationContext.newOperation();

    @Test
    void anAuthenticationFailureWithNoRequestSent_isAllowed_butANegativeCountIsNot() {
        CredentialProblem problem = CredentialProblem.appOnlyForUpdate();

        AuthenticationFailed nothingSent = new AuthenticationFailed(problem, 0, CONTEXT);

        assertThat(nothingSent.attempts()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new AuthenticationFailed(problem, -1, CONTEXT))
                .withMessage("attempts must not be negative");
    }

    @Test
    void withAttempts_isACopyCountingTheGivenRequests_andLeavesTheOriginal() {
        AuthenticationFailed once = new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), 1, CONTEXT);

        AuthenticationFailed thrice = once.withAttempts(3);

        assertThat(thrice).isEqualTo(new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), 3, CONTEXT));
        assertThat(once.attempts()).isEqualTo(1);
    }

    @Test
    void theAppOnlyProblem_asksForAnAppPlusUserToken_andSaysNothingWasSent() {

        CredentialProblem problem = CredentialProblem.appOnlyForUpdate();

        assertThat(problem.reason()).isEqualTo(CredentialProblem.Reason.APP_ONLY_FOR_UPDATE);
        assertThat(problem.message()).startsWith("an update needs an App+User token").endsWith("nothing was sent");
        assertThat(problem.remote()).isEmpty();
    }
}
