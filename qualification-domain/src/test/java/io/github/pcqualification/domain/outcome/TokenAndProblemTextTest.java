package io.github.pcqualification.domain.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What a token source's answer is checked for, and how each problem is worded (never quoting the token), and the
 * one-line rule for every credential problem's message, at the edges of each character range.
 */
class TokenAndProblemTextTest {

    private static String problem(String token) {
        TokenOutcome outcome = AccessToken.check(token, TokenKind.UNSPECIFIED, Optional.empty(), "the supplier");
        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        CredentialProblem problem = (CredentialProblem) outcome;
        assertThat(problem.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        return problem.message();
    }

    @Test
    void noToken_isNamedAsNull() {
        assertThat(problem(null)).isEqualTo("the supplier returned no token (null): it must return the bearer token");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|an empty token",
        "'   '|a blank token",
        "'Bearer abc'|a token that starts with \"Bearer \"",
        "'bEARER abc'|a token that starts with \"Bearer \"",
        "'ab c'|a token with a space at index 2",
        "'abc\u007f'|a token with a control character at index 3",
        "'a\u0001b'|a token with a control character at index 1",
        "'ab\u0080'|a token with a non-ASCII character at index 2",
        "'\u00e9abc'|a token with a non-ASCII character at index 0"})
    void aTokenThatCannotBeSent_isNamedByWhatIsWrong_withoutQuotingIt(String token, String what) {
        assertThat(problem(token)).isEqualTo("the supplier returned " + what
                + ": it must return the bearer token alone, visible ASCII");
    }

    @Test
    void lineBreaks_areNamedAsSuch() {
        assertThat(problem("ab\ncd")).contains("a line break at index 2");
        assertThat(problem("ab\rcd")).contains("a line break at index 2");
    }

    @Test
    void theLongestToken_isAccepted_oneCharacterMoreIsNot() {
        String longest = "t".repeat(AccessToken.MAX_LENGTH);

        assertThat(AccessToken.check(longest, TokenKind.APP_USER, Optional.empty(), "s"))
                .isInstanceOfSatisfying(AccessToken.class, token -> assertThat(token.value()).isEqualTo(longest));
        assertThat(problem(longest + "t")).isEqualTo("the supplier returned a token of " + (AccessToken.MAX_LENGTH + 1)
                + " characters (at most " + AccessToken.MAX_LENGTH + "): it must return the bearer token alone, visible"
                + " ASCII");
    }

    @Test
    void theEdgesOfVisibleAscii_areAccepted() {
        assertThat(AccessToken.check("!~", TokenKind.APP_ONLY, Optional.empty(), "s")).isInstanceOf(AccessToken.class);
    }

    @Test
    void aProblemsMessage_isOneLine_everyControlAndSeparatorBecomingASpace() {
        CredentialProblem problem = CredentialProblem.of(Reason.SOURCE_FAILED,
                "a\u001fb\u007fc\u0080d\u009fe\u00a0f\u2028g\u2029h\u0020i");

        assertThat(problem.message()).isEqualTo("a b c d e\u00a0f g h i");
    }

    @Test
    void aProblemsMessage_isKeptWholeUpTo1000Characters_andCutAfter() {
        String thousand = "m".repeat(1000);

        assertThat(CredentialProblem.of(Reason.SOURCE_FAILED, thousand).message()).isEqualTo(thousand);
        assertThat(CredentialProblem.of(Reason.SOURCE_FAILED, thousand + "m").message()).isNotEqualTo(thousand + "m")
                .endsWith("...");
    }

    @Test
    void aBlankMessage_isRefused() {
        assertThatThrownBy(() -> CredentialProblem.of(Reason.SOURCE_FAILED, " \t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message must not be blank");
    }

    @Test
    void anAppOnlyTokenForAnUpdate_saysNothingWasSent() {
        CredentialProblem problem = CredentialProblem.appOnlyForUpdate();

        assertThat(problem.reason()).isEqualTo(Reason.APP_ONLY_FOR_UPDATE);
        assertThat(problem.message()).startsWith("an update needs an App+User token").endsWith("; nothing was sent");
        assertThat(problem.remote()).isEmpty();
    }

    @Test
    void anAuthenticationFailure_mayHaveZeroAttempts_neverANegativeNumber() {
        CredentialProblem problem = CredentialProblem.appOnlyForUpdate();
        OperationContext context = OperationContext.newOperation();

        assertThat(new AuthenticationFailed(problem, 0, context).attempts()).isZero();
        assertThatThrownBy(() -> new AuthenticationFailed(problem, -1, context))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attempts must not be negative");
    }
}
