package io.github.pcqualification.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens as values and outcomes: never an exception for a bad token, never the token in a message. */
class AccessTokenPortTest {

    private static final String CANARY = "canary-SECRET-42.eyJhbGciOi";

    @Test
    void aSupplier_isAskedForEveryToken_andTheRenewedSupplierAfterA401() {
        AtomicInteger current = new AtomicInteger();
        AtomicInteger renewed = new AtomicInteger();
        AccessTokenPort port = AccessTokenPort.of(() -> "current-" + current.incrementAndGet(),
                () -> "renewed-" + renewed.incrementAndGet());

        TokenOutcome first = port.currentToken();
        TokenOutcome second = port.currentToken();
        TokenOutcome fresh = port.renewedToken();

        assertThat(first).isEqualTo(new AccessToken("current-1", TokenKind.UNSPECIFIED, Optional.empty()));
        assertThat(second).isEqualTo(new AccessToken("current-2", TokenKind.UNSPECIFIED, Optional.empty()));
        assertThat(fresh).isEqualTo(new AccessToken("renewed-1", TokenKind.UNSPECIFIED, Optional.empty()));
    }

    @Test
    void aSupplierThatThrows_isASourceProblem_namingTheException() {
        AccessTokenPort port = AccessTokenPort.of(() -> {
            throw new IllegalStateException("Entra ID unreachable");
        });

        TokenOutcome outcome = port.currentToken();

        assertThat(outcome).isEqualTo(CredentialProblem.of(CredentialProblem.Reason.SOURCE_FAILED,
                "the token supplier failed (IllegalStateException: Entra ID unreachable): fix the token source;"
                        + " nothing was sent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", " ", "\t", "\u0000", "\u007f", "\u00e9", "\u2028"})
    void aTokenWithACharacterAHeaderCannotCarry_isMalformed_andNeverQuoted(String bad) {
        TokenOutcome outcome = AccessTokenPort.of(() -> CANARY + bad + CANARY).currentToken();

        assertThat(outcome).isInstanceOfSatisfying(CredentialProblem.class, problem -> {
            assertThat(problem.reason()).isEqualTo(CredentialProblem.Reason.MALFORMED_TOKEN);
            assertThat(problem.message()).contains("at index " + CANARY.length()).doesNotContain(CANARY);
            assertThat(problem.toString()).doesNotContain(CANARY);
        });
    }

    @Test
    void theConstructor_refusesABadToken_withoutQuotingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessToken(CANARY + "\r\nX: 1", TokenKind.APP_USER, Optional.empty()))
                .withMessage("the access token is a token with a line break at index " + CANARY.length())
                .withMessageNotContaining(CANARY);
    }

    @Test
    void toString_neverShowsTheToken() {
        AccessToken token = new AccessToken(CANARY, TokenKind.APP_USER, Optional.of(Instant.parse("2026-12-04T10:00:00Z")));

        assertThat(token.toString()).isEqualTo(
                "AccessToken[kind=APP_USER, expiresAt=2026-12-04T10:00:00Z, value=<redacted>]");
        assertThat(AccessTokenPort.of(() -> CANARY).toString()).doesNotContain(CANARY);
    }

    @Test
    void expiresBefore_isKnownOnlyWithAnExpiry() {
        Instant expiry = Instant.parse("2026-12-04T10:00:00Z");
        AccessToken expiring = new AccessToken(CANARY, TokenKind.APP_USER, Optional.of(expiry));
        AccessToken unknown = new AccessToken(CANARY, TokenKind.UNSPECIFIED, Optional.empty());

        assertThat(expiring.expiresBefore(expiry.minusSeconds(1))).isFalse();
        assertThat(expiring.expiresBefore(expiry)).isTrue();
        assertThat(unknown.expiresBefore(Instant.MAX)).isFalse();
    }

    @Test
    void aProblemsMessage_isOneLine_evenWhenAnExceptionsTextIsNot() {
        CredentialProblem problem = CredentialProblem.of(CredentialProblem.Reason.TOKEN_ENDPOINT_ERROR,
                "AADSTS50000:\r\nTrace ID: 1\u001b[31m\u2028forged line");

        assertThat(problem.message()).isEqualTo("AADSTS50000: Trace ID: 1 [31m forged line").doesNotContain("\n");
    }

    @Test
    void aLongProblemMessage_isCutAfterAThousandCharacters_andKeptAsWritten() {
        String text = "caf\u00e9 ".repeat(300);

        CredentialProblem problem = CredentialProblem.of(CredentialProblem.Reason.SOURCE_FAILED, text);

        assertThat(problem.message()).isEqualTo(text.substring(0, 1000) + "...");
    }

    @Test
    void aProblemMessageOfNothingButControlCharacters_isRefusedAsBlank() {

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CredentialProblem.of(CredentialProblem.Reason.SOURCE_FAILED, "\u0001\r\n"))
                .withMessageContaining("blank");
    }

    @Test
    void anAuthenticationFailure_keepsTheServicesAnswer_andTheOperationsIds() {
        OperationContext context = OperationContext.newOperation();
        ErrorDetail answer = ErrorDetail.of(401, Optional.of("900401"), "Token expired");

        AuthenticationFailed failed = new AuthenticationFailed(CredentialProblem.refusedByService(answer), 2, context);

        assertThat(failed.problem().remote()).contains(answer);
        assertThat(failed.correlationId()).isEqualTo(context.correlationId());
        assertThat(failed.message()).startsWith("authentication failed: Partner Center refused the access token (HTTP 401)")
                .endsWith("(HTTP 401 (code 900401): Token expired)");
    }
}
