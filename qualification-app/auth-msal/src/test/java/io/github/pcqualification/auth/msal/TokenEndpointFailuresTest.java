package io.github.pcqualification.auth.msal;

import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.error;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.ACCESS_1;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.CLIENT;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.REFRESH_0;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.SECRET;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.testing.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way the token endpoint can fail becomes a typed {@link CredentialProblem} (never an exception) whose
 * message names what to fix, and holds neither the secret, the refresh token nor an access token.
 */
class TokenEndpointFailuresTest {

    @RegisterExtension
    final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

    private SecureApplicationModelTokens tokensAt(URI authority) {
        return SecureApplicationModelTokens.builder().authority(authority).tenantId(TENANT).clientId(CLIENT)
                .clientSecret(SECRET).refreshToken(REFRESH_0).clock(new TestClock())
                .requestTimeout(Duration.ofSeconds(5)).build();
    }

    private CredentialProblem problemFor(MockResponse answer) {
        endpoint.enqueue(answer);
        TokenOutcome outcome = tokensAt(endpoint.authority()).currentToken();
        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        CredentialProblem problem = (CredentialProblem) outcome;
        assertThat(problem.toString()).doesNotContain(SECRET, REFRESH_0, ACCESS_1);
        return problem;
    }

    @Test
    void anExpiredRefreshToken_isInvalidGrant_withTheAadstsCodeAndWhatToDo() {
        CredentialProblem problem = problemFor(error(400, "invalid_grant",
                "AADSTS700082: The refresh token has expired due to inactivity. The token was issued on"
                        + " 2026-08-01T10:00:00Z and was inactive for 90.00:00:00."));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_GRANT);
        assertThat(problem.message()).contains("AADSTS700082").contains("sign the partner user in again")
                .contains("expired, revoked");
        assertThat(problem.remote()).hasValueSatisfying(remote -> {
            assertThat(remote.httpStatus()).hasValue(400);
            assertThat(remote.serviceCode()).hasValue("invalid_grant");
            assertThat(remote.description()).startsWith("AADSTS700082: The refresh token has expired");
        });
        assertThat(endpoint.requestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerWithLineBreaksAndEscapes_isOneBoundedLine_inTheMessageAndInTheRemoteDescription() {
        CredentialProblem problem = problemFor(error(400, "invalid_grant",
                // JSON escapes: the answer decodes to CR LF, ESC and U+2028
                "AADSTS700082: expired\\r\\n\\u001b[31mFAKE: all good\\u2028" + "x".repeat(400)));

        assertThat(problem.message()).contains("AADSTS700082: expired [31mFAKE: all good x")
                .doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]");
        assertThat(problem.remote().orElseThrow().description())
                .startsWith("AADSTS700082: expired [31mFAKE: all good x").endsWith("x...").hasSize(300 + 3)
                .doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]");
    }

    @Test
    void aWrongClientSecret_isInvalidClient_namingTheSettingsToCheck() {
        CredentialProblem problem = problemFor(error(401, "invalid_client",
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the"
                        + " client secret value, not the client secret ID."));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_CLIENT);
        assertThat(problem.message()).contains("client secret or certificate was refused")
                .contains("PARTNER_CENTER_CLIENT_ID").contains("PARTNER_CENTER_CLIENT_SECRET").contains("AADSTS7000215");
        assertThat(problem.remote().orElseThrow().httpStatus()).hasValue(401);
    }

    @Test
    void anAppNotConsentedInTheTenant_isATokenEndpointError_withItsCode() {
        CredentialProblem problem = problemFor(error(400, "unauthorized_client",
                "AADSTS700016: Application with identifier '0f1e2d3c' was not found in the directory 'contoso'."));

        assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).contains("unauthorized_client").contains("AADSTS700016").contains("consented");
    }

    @Test
    void aServerError_isATokenEndpointError_withItsStatus_sayingToTryLater() {
        // Retry-After keeps MSAL from its own one retry (which sleeps a second).
        CredentialProblem problem = problemFor(error(500, "server_error", "AADSTS50000: There was an error issuing a token.")
                .setHeader("Retry-After", "30"));

        assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).contains("HTTP 500").contains("server_error").contains("try again later");
        assertThat(problem.remote().orElseThrow().httpStatus()).hasValue(500);
    }

    @Test
    void anAnswerThatIsNotATokenResponse_isATokenEndpointError_pointingAtTheAuthority() {
        CredentialProblem problem = problemFor(new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "text/html").setBody("<html>corporate proxy login</html>"));

        assertThat(problem.reason()).as(problem.message()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
        assertThat(problem.message()).contains("not a token response").contains("PARTNER_CENTER_AUTHORITY");
    }

    @Test
    void aTokenThatCannotBeSent_isAMalformedToken() {
        CredentialProblem problem = problemFor(LoopbackTokenEndpoint.tokens("two words", null, 3600, "x"));

        assertThat(problem.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        assertThat(problem.message()).contains("the token endpoint returned a token with a space");
    }

    @Test
    void aClosedPort_isEndpointUnreachable_namingTheHostAndTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        TokenOutcome outcome = tokensAt(URI.create("https://localhost:" + closedPort)).currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        CredentialProblem problem = (CredentialProblem) outcome;
        assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(problem.message()).startsWith("cannot reach the token endpoint localhost:" + closedPort + ": ConnectException")
                .contains("check the network, a proxy, or the authority");
        assertThat(problem.remote()).isEmpty();
    }

    @Test
    void aCertificateFromAnUntrustedCa_isEndpointUnreachable_sayingTlsFailed() throws IOException {
        MockWebServer impostor = LoopbackTokenEndpoint.serve(LoopbackTokenEndpoint.UNTRUSTED_LOCALHOST);
        try {
            impostor.enqueue(LoopbackTokenEndpoint.tokens(ACCESS_1, null, 3600, "x"));

            TokenOutcome outcome = tokensAt(URI.create("https://localhost:" + impostor.getPort())).currentToken();

            assertThat(outcome).isInstanceOf(CredentialProblem.class);
            CredentialProblem problem = (CredentialProblem) outcome;
            assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
            assertThat(problem.message()).contains("SSLHandshakeException").contains("trust store");
        } finally {
            impostor.shutdown();
        }
    }

    @Test
    void theJvmsOwnTrustStore_doesNotTrustTheTestCa_soNothingTrustsAllCertificates() {
        endpoint.useTheJvmTrustStoreOnly();
        endpoint.enqueue(LoopbackTokenEndpoint.tokens(ACCESS_1, null, 3600, "x"));

        TokenOutcome outcome = tokensAt(endpoint.authority()).currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(((CredentialProblem) outcome).reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(((CredentialProblem) outcome).message()).contains("SSLHandshakeException");
    }

    @Test
    void noAnswerWithinTheRequestTimeout_isEndpointUnreachable() {
        endpoint.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        SecureApplicationModelTokens tokens = SecureApplicationModelTokens.builder().authority(endpoint.authority())
                .tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).refreshToken(REFRESH_0).clock(new TestClock())
                .requestTimeout(Duration.ofMillis(300)).build();

        long started = System.nanoTime();
        TokenOutcome outcome = tokens.currentToken();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(((CredentialProblem) outcome).reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(((CredentialProblem) outcome).message()).contains("localhost:" + endpoint.server().getPort());
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anEndpointThatEchoesTheSecrets_cannotPutThemInTheProblem() {
        CredentialProblem problem = problemFor(error(400, "invalid_grant", "AADSTS70000: refresh_token=" + REFRESH_0
                + " client_secret=" + SECRET + " was sent; raw " + REFRESH_0 + " and " + SECRET + "."));

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_GRANT);
        assertThat(problem.message()).doesNotContain(REFRESH_0, SECRET).contains("<redacted>");
        assertThat(problem.remote().orElseThrow().description()).doesNotContain(REFRESH_0, SECRET);
    }
}
