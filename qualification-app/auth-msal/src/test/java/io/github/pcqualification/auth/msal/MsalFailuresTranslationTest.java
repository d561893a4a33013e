package io.github.pcqualification.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The translation table from what MSAL throws to a {@link CredentialProblem}, row by row, without a token endpoint:
 * each kind of failure gets its reason, a message that names the host and the fix, and the remote detail.
 */
class MsalFailuresTranslationTest {

    private static final URI AUTHORITY = URI.create("https://login.example.test:8443");
    private static final String HOST = "login.example.test:8443";
    private static final MsalFailures.Hints HINTS = new MsalFailures.Hints("GRANT-HINT", "CLIENT-HINT");

    private static CredentialProblem of(Throwable failure) {
        return MsalFailures.of(failure, AUTHORITY, new Secrets(), HINTS);
    }

    private static MsalServiceException service(String description, String code) {
        return new MsalServiceException(description, code);
    }

    @Test
    void throttledByMsal_isATokenEndpointError_sayingForHowManyWholeSeconds() {
        CredentialProblem problem = of(new MsalThrottlingException(2_500));

        assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).isEqualTo("MSAL holds back requests to the token endpoint " + HOST
                + " for 2 s after it failed or throttled: try again then");
        assertThat(problem.remote()).isEmpty();
    }

    @Test
    void throttledForLessThanASecond_saysOneSecond_neverZero() {
        assertThat(of(new MsalThrottlingException(300)).message()).contains(" for 1 s ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_json", "INVALID_JSON"})
    void anAnswerThatIsNotJson_pointsAtTheAuthorityAndAProxy(String code) {
        CredentialProblem problem = of(new MsalClientException("Unexpected character", code));

        assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).isEqualTo("the token endpoint " + HOST + " answered something that is not a"
                + " token response; check the authority (PARTNER_CENTER_AUTHORITY) and any proxy in between");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_grant", "interaction_required", "consent_required", "login_required",
        "INVALID_GRANT"})
    void aRefusedGrant_isInvalidGrant_withTheGrantHint_andStatus400WhenMsalKeptNone(String code) {
        CredentialProblem problem = of(service("The grant is expired. Sign in again.", code));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_GRANT);
        assertThat(problem.message()).isEqualTo("GRANT-HINT (" + code.toLowerCase(java.util.Locale.ROOT)
                + "): The grant is expired");
        assertThat(problem.remote()).hasValueSatisfying(remote -> {
            assertThat(remote.httpStatus()).hasValue(400);
            assertThat(remote.serviceCode()).hasValue(code.toLowerCase(java.util.Locale.ROOT));
            assertThat(remote.description()).isEqualTo("The grant is expired. Sign in again.");
        });
    }

    @Test
    void aRefusedClient_isInvalidClient_withTheClientHint_andNoStatusMade() {
        CredentialProblem problem = of(service("AADSTS7000215: Invalid client secret provided.", "invalid_client"));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_CLIENT);
        assertThat(problem.message()).isEqualTo("CLIENT-HINT (invalid_client): AADSTS7000215: Invalid client secret"
                + " provided.");
        assertThat(problem.remote()).hasValueSatisfying(remote -> {
            assertThat(remote.httpStatus()).isEmpty();
            assertThat(remote.serviceCode()).hasValue("invalid_client");
        });
    }

    @Test
    void anUnauthorizedClient_saysToCheckTheClientIdAndTheConsent() {
        CredentialProblem problem = of(service("", "unauthorized_client"));

        assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).isEqualTo("the token endpoint " + HOST + " refused the app (unauthorized_client):"
                + " check the client id, and that the app registration is consented in the partner tenant and allowed"
                + " this grant");
        assertThat(problem.remote()).hasValueSatisfying(remote ->
                assertThat(remote.description()).as("a blank description: the code stands in").isEqualTo("unauthorized_client"));
    }

    @Test
    void anotherCodeWithoutAStatus_isATokenEndpointError_sayingToSeeTheCode() {
        CredentialProblem problem = of(service("Something is off", "temporarily_unavailable"));

        assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).isEqualTo("the token endpoint " + HOST + " refused the request"
                + " (temporarily_unavailable); see the error code: Something is off");
    }

    @Test
    void noCodeAtAll_isCalledUnknown() {
        CredentialProblem problem = of(service("broken", null));

        assertThat(problem.message()).contains("refused the request (unknown)");
        assertThat(problem.remote()).hasValueSatisfying(remote -> assertThat(remote.serviceCode()).hasValue("unknown"));
    }

    @Test
    void anAadstsNumberAfterTheFirstSentence_isNamedOnce_inTheParentheses() {
        CredentialProblem problem = of(service("The token is too old. See AADSTS700082 for more.", "invalid_grant"));

        assertThat(problem.message()).isEqualTo("GRANT-HINT (invalid_grant, AADSTS700082): The token is too old");
    }

    @Test
    void anAadstsNumberInTheFirstSentence_isNotRepeated() {
        CredentialProblem problem = of(service("AADSTS50076: MFA is required. Then try again.", "other_error"));

        assertThat(problem.message()).isEqualTo("the token endpoint " + HOST + " refused the request (other_error);"
                + " see the error code: AADSTS50076: MFA is required");
    }

    @Test
    void aLongDescription_isCutTo300CharactersAndAnEllipsis() {
        String longText = "x".repeat(400);

        CredentialProblem problem = of(service(longText, "invalid_grant"));

        assertThat(problem.message()).endsWith(": " + "x".repeat(300) + "...");
        assertThat(problem.remote()).hasValueSatisfying(remote ->
                assertThat(remote.description()).isEqualTo("x".repeat(300) + "..."));
    }

    @Test
    void aDescriptionOfExactly300Characters_isKeptWhole() {
        String text = "y".repeat(300);

        assertThat(of(service(text, "invalid_grant")).message()).endsWith(": " + text);
    }

    @Test
    void aSecretTheSourceKnows_isCutFromTheDescription() {
        Secrets secrets = new Secrets();
        secrets.add("s3cret-value-42");

        CredentialProblem problem = MsalFailures.of(service("bad secret s3cret-value-42 given", "invalid_client"),
                AUTHORITY, secrets, HINTS);

        assertThat(problem.toString()).doesNotContain("s3cret-value-42").contains(Secrets.REDACTED);
    }

    @Test
    void aTransportFailure_isEndpointUnreachable_namingTheHostAndTheKind() {
        CredentialProblem problem = of(new MsalClientException(new ConnectException("Connection refused")));

        assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(problem.message()).isEqualTo("cannot reach the token endpoint " + HOST + ": ConnectException;"
                + " check the network, a proxy, or the authority (PARTNER_CENTER_AUTHORITY)");
    }

    @Test
    void aTlsFailure_saysToCheckTheTrustStore() {
        CredentialProblem problem = of(new MsalClientException(new SSLHandshakeException("PKIX path building failed")));

        assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(problem.message()).startsWith("cannot reach the token endpoint " + HOST + ": SSLHandshakeException"
                + " (TLS failed: is its certificate trusted").contains("-Djavax.net.ssl.trustStore");
    }

    @Test
    void aServiceExceptionWrappingATransportFailure_withoutCodeOrStatus_isTransport() {
        MsalServiceException wrapped = service("managed identity endpoint down", null);
        wrapped.initCause(new IOException("reset"));

        CredentialProblem problem = of(wrapped);

        assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(problem.message()).startsWith("cannot reach the token endpoint " + HOST + ": IOException;");
    }

    @Test
    void aServiceExceptionWithACode_isTheServicesAnswer_evenWithATransportCause() {
        MsalServiceException answered = service("refused", "invalid_client");
        answered.initCause(new IOException("reset"));

        assertThat(of(answered).reason()).isEqualTo(Reason.INVALID_CLIENT);
    }

    @Test
    void anotherMsalClientFailure_isSourceFailed_withItsCodeAndMessage() {
        CredentialProblem problem = of(new MsalClientException("cache corrupt", "cache_error"));

        assertThat(problem.reason()).isEqualTo(Reason.SOURCE_FAILED);
        assertThat(problem.message()).isEqualTo("MSAL failed (cache_error): cache corrupt");
    }

    @Test
    void anMsalClientFailureWithoutACode_saysNoCode() {
        assertThat(of(new MsalClientException("odd", null)).message()).isEqualTo("MSAL failed: odd");
    }

    @Test
    void anythingElse_isSourceFailed_namingItsType_andItsMessageIfAny() {
        assertThat(of(new IllegalStateException("state broke")).message())
                .isEqualTo("the token source failed (IllegalStateException: state broke)");
        assertThat(of(new IllegalStateException()).message()).isEqualTo("the token source failed (IllegalStateException)");
        assertThat(of(new IllegalStateException()).reason()).isEqualTo(Reason.SOURCE_FAILED);
    }

    @Test
    void completionAndExecutionWrappers_areUnwrapped() {
        MsalThrottlingException throttled = new MsalThrottlingException(5_000);

        assertThat(of(new CompletionException(throttled)).message()).contains("for 5 s");
        assertThat(of(new ExecutionException("wrapped", new CompletionException(throttled))).message()).contains("for 5 s");
        assertThat(of(new CompletionException(null)).message()).contains("CompletionException");
    }

    @Test
    void aTimeout_isEndpointUnreachable_inWholeSecondsOrMilliseconds() {
        CredentialProblem seconds = MsalFailures.timeout(AUTHORITY, Duration.ofSeconds(30));
        CredentialProblem millis = MsalFailures.timeout(AUTHORITY, Duration.ofMillis(1500));

        assertThat(seconds.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(seconds.message()).isEqualTo("the token endpoint " + HOST + " did not answer within 30 s; check the"
                + " network, a proxy, or the authority (PARTNER_CENTER_AUTHORITY)");
        assertThat(millis.message()).contains("within 1500 ms;");
    }

    @Test
    void anInterruptedWait_isEndpointUnreachable_namingTheHost() {
        CredentialProblem problem = MsalFailures.interrupted(AUTHORITY);

        assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(problem.message()).isEqualTo("interrupted while waiting for the token endpoint " + HOST);
    }

    @Test
    void theSignedInHints_sayHowToSignInAgain() {
        MsalFailures.Hints hints = MsalFailures.Hints.signedIn("run `qualification login`");

        assertThat(hints.invalidGrant()).isEqualTo("the sign-in has expired or was revoked: run `qualification login`");
        assertThat(hints.invalidClient()).startsWith("the app registration was refused: check PARTNER_CENTER_CLIENT_ID")
                .endsWith(", then run `qualification login`");
        assertThat(MsalFailures.Hints.CONFIDENTIAL_CLIENT.invalidGrant()).contains("sign the partner user in again");
        assertThat(MsalFailures.Hints.CONFIDENTIAL_CLIENT.invalidClient()).contains("PARTNER_CENTER_CLIENT_SECRET");
    }
}
