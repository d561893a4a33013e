package io.github.pcqualification.domain.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.model.TokenKind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link AccessToken#check} answers for each kind of unsendable token: the exact words of the problem, which
 * never quote the token, and which tokens at the edges of the rules are still sent.
 */
class AccessTokenCheckTest {

    private static final String SOURCE = "the token supplier";
    private static final Optional<Instant> EXPIRY = Optional.of(Instant.parse("2026-12-04T11:00:00Z"));

    private static CredentialProblem problemOf(String value) {
        TokenOutcome outcome = AccessToken.check(value, TokenKind.APP_USER, EXPIRY, SOURCE);
        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        return (CredentialProblem) outcome;
    }

    @Test
    void aNullToken_isAMalformedTokenProblem_namingTheSource() {

        CredentialProblem problem = problemOf(null);

        assertThat(problem).isEqualTo(CredentialProblem.of(CredentialProblem.Reason.MALFORMED_TOKEN,
                "the token supplier returned no token (null): it must return the bearer token"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                 | an empty token
            '   '              | a blank token
            'Bearer abc'       | a token that starts with "Bearer "
            'bEARER abc'       | a token that starts with "Bearer "
            'ab cd'            | a token with a space at index 2
            """)
    void eachProblem_isNamedInTheMessage_withoutQuotingTheToken(String value, String named) {

        CredentialProblem problem = problemOf(value);

        assertThat(problem.reason()).isEqualTo(CredentialProblem.Reason.MALFORMED_TOKEN);
        assertThat(problem.message()).isEqualTo(
                "the token supplier returned " + named + ": it must return the bearer token alone, visible ASCII");
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @CsvSource(delimiter = '|', textBlock = """
            000a | a line break
            000d | a line break
            0000 | a control character
            001f | a control character
            0009 | a control character
            007f | a control character
            0080 | a non-ASCII character
            00e9 | a non-ASCII character
            2028 | a non-ASCII character
            """)
    void eachUnsendableCharacter_isDescribed_withItsIndex(String hex, String description) {
        String value = "abc" + (char) Integer.parseInt(hex, 16) + "def";

        CredentialProblem problem = problemOf(value);

        assertThat(problem.message()).isEqualTo("the token supplier returned a token with " + description
                + " at index 3: it must return the bearer token alone, visible ASCII");
    }

    @Test
    void aTokenOfExactlyTheMaximumLength_isSent_andOneCharacterMore_isNot() {
        String longest = "a".repeat(AccessToken.MAX_LENGTH);

        TokenOutcome accepted = AccessToken.check(longest, TokenKind.APP_USER, EXPIRY, SOURCE);
        CredentialProblem tooLong = problemOf(longest + "a");

        assertThat(accepted).isEqualTo(new AccessToken(longest, TokenKind.APP_USER, EXPIRY));
        assertThat(tooLong.message()).isEqualTo("the token supplier returned a token of 16385 characters (at most 16384)"
                + ": it must return the bearer token alone, visible ASCII");
    }

    @Test
    void theVisibleAsciiEdges_andAWordThatOnlyLooksLikeBearer_areSent() {
        String edges = "!~Bearer";

        TokenOutcome outcome = AccessToken.check(edges, TokenKind.APP_ONLY, Optional.empty(), SOURCE);

        assertThat(outcome).isEqualTo(new AccessToken(edges, TokenKind.APP_ONLY, Optional.empty()));
    }

    @Test
    void theConstructor_namesTheSameProblems() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessToken("", TokenKind.APP_USER, Optional.empty()))
                .withMessage("the access token is an empty token");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessToken(" \t", TokenKind.APP_USER, Optional.empty()))
                .withMessage("the access token is a blank token");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessToken("Bearer x", TokenKind.APP_USER, Optional.empty()))
                .withMessage("the access token is a token that starts with \"Bearer \"");
    }
}
