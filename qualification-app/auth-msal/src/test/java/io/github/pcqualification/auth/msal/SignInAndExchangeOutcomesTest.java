package io.github.pcqualification.auth.msal;

import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.error;
import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.tokens;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.CLIENT;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.REFRESH_0;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.SECRET;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.testing.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcomes of a sign-in and of each source's exchange that the other tests leave out: an expired device code,
 * a refused app during the sign-in, an unreachable endpoint, a kept sign-in without an account, and an access token
 * echoed back by a later failure (every source remembers the tokens it handed out, and cuts them from messages).
 */
class SignInAndExchangeOutcomesTest {

    private static final String TOKEN_A = "canary-access-A-1234567890";

    @RegisterExtension
    final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

    @TempDir
    Path home;

    private final List<String> prompts = new CopyOnWriteArrayList<>();

    private Path cachePath() {
        return home.resolve("pc-qualification").resolve("token-cache.json");
    }

    private DeviceCodeLogin.Builder login(URI authority) {
        return DeviceCodeLogin.builder().authority(authority).tenant(TENANT).clientId(DeviceCodeLoginTest.PUBLIC_CLIENT)
                .tokenCache(TokenCacheFile.at(cachePath())).prompt(prompts::add).scope("custom-scope")
                .requestTimeout(Duration.ofSeconds(5));
    }

    private static CredentialProblem failedWith(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.Failed.class);
        return outcome.fold(signedIn -> null, failed -> failed.problem());
    }

    /** A loopback port nobody listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anExpiredDeviceCode_isNotSignedIn_sayingToEnterTheCodeInTime() throws Exception {
        for (String code : List.of("expired_token", "code_expired")) {
            endpoint.enqueue(DeviceCodeLoginTest.deviceCode());
            endpoint.enqueue(error(400, code, "AADSTS70020: The provided value for the input parameter was expired."));

            CredentialProblem problem = failedWith(login(endpoint.authority()).build().signIn());

            assertThat(problem.reason()).isEqualTo(Reason.NOT_SIGNED_IN);
            assertThat(problem.message()).isEqualTo("the device code expired before the sign-in finished: sign in again,"
                    + " and enter the code in time");
        }
        assertThat(LoopbackTokenEndpoint.form(endpoint.take()).get("scope").split(" ")).contains("custom-scope");
        assertThat(cachePath()).doesNotExist();
    }

    @Test
    void anAppRefusedDuringTheSignIn_isInvalidClient_sayingToSignInAgain() {
        endpoint.enqueue(DeviceCodeLoginTest.deviceCode());
        endpoint.enqueue(error(401, "invalid_client", "AADSTS7000218: The request body must contain client_assertion."));

        CredentialProblem problem = failedWith(login(endpoint.authority()).build().signIn());

        assertThat(problem.reason()).isEqualTo(Reason.INVALID_CLIENT);
        assertThat(problem.message()).startsWith("the app registration was refused: check PARTNER_CENTER_CLIENT_ID")
                .contains(", then sign in again (invalid_client)");
    }

    @Test
    void anUnreachableEndpoint_failsTheSignIn_namingTheHost() throws IOException {
        URI closed = URI.create("https://localhost:" + closedPort());

        CredentialProblem problem = failedWith(login(closed).build().signIn());

        assertThat(problem.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(problem.message()).contains("localhost:" + closed.getPort());
        assertThat(prompts).isEmpty();
    }

    @Test
    void aKeptSignInWithoutAnAccount_isNotSignedIn_andSoIsARenewalWithoutOne() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(cachePath());
        file.write(new TokenCacheFile.Settings(DeviceCodeLoginTest.PUBLIC_CLIENT, endpoint.authority(), TENANT), "{}");
        SignedInUserTokens tokens = SignedInUserTokens.builder().tokenCache(file).signInAgain("log in, please")
                .renewBefore(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(5)).build();

        TokenOutcome current = tokens.currentToken();
        TokenOutcome renewed = SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(home.resolve("none.json")))
                .build().renewedToken();

        assertThat(current).isInstanceOfSatisfying(CredentialProblem.class, problem -> {
            assertThat(problem.reason()).isEqualTo(Reason.NOT_SIGNED_IN);
            assertThat(problem.message()).isEqualTo("not signed in (no account is signed in in " + cachePath()
                    + "): log in, please");
        });
        assertThat(renewed).isInstanceOfSatisfying(CredentialProblem.class,
                problem -> assertThat(problem.reason()).isEqualTo(Reason.NOT_SIGNED_IN));
        assertThat(endpoint.requestCount()).isZero();
    }

    @Test
    void appOnly_anAccessTokenEchoedByALaterFailure_isCutFromTheProblem() {
        TestClock clock = new TestClock();
        AppOnlyTokens source = AppOnlyTokens.builder().authority(endpoint.authority()).tenantId(TENANT).clientId(CLIENT)
                .clientSecret(SECRET).clock(clock).scope("app-scope/.default").renewBefore(Duration.ofSeconds(10))
                .requestTimeout(Duration.ofSeconds(5)).build();
        endpoint.enqueue(tokens(TOKEN_A, null, 120, "app-scope/.default"));
        endpoint.enqueue(error(400, "invalid_request", "the token " + TOKEN_A + " is not allowed here"));

        TokenOutcome first = source.currentToken();
        clock.advance(Duration.ofMinutes(5));
        TokenOutcome renewed = source.renewedToken();

        assertThat(((AccessToken) first).value()).isEqualTo(TOKEN_A);
        assertThat(renewed).isInstanceOfSatisfying(CredentialProblem.class, problem -> {
            assertThat(problem.reason()).isEqualTo(Reason.TOKEN_ENDPOINT_ERROR);
            assertThat(problem.toString()).doesNotContain(TOKEN_A).contains(Secrets.REDACTED);
        });
    }

    @Test
    void secureApplicationModel_anAccessTokenEchoedByALaterFailure_isCutFromTheProblem() {
        TestClock clock = new TestClock();
        SecureApplicationModelTokens source = SecureApplicationModelTokens.builder().authority(endpoint.authority())
                .tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).refreshToken(REFRESH_0).clock(clock)
                .scope("sam-scope").renewBefore(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(5)).build();
        endpoint.enqueue(tokens(TOKEN_A, null, 120, "sam-scope"));
        endpoint.enqueue(error(400, "invalid_grant", "refused while " + TOKEN_A + " was in use"));

        TokenOutcome first = source.currentToken();
        clock.advance(Duration.ofMinutes(5));
        TokenOutcome renewed = source.currentToken();

        assertThat(((AccessToken) first).value()).isEqualTo(TOKEN_A);
        assertThat(renewed).isInstanceOfSatisfying(CredentialProblem.class, problem -> {
            assertThat(problem.reason()).isEqualTo(Reason.INVALID_GRANT);
            assertThat(problem.toString()).doesNotContain(TOKEN_A);
        });
        assertThat(source).hasToString("SecureApplicationModelTokens[authority=" + endpoint.authority() + ", tenantId="
                + TENANT + ", clientId=" + CLIENT + ", credential=client secret <redacted>, refreshToken=<redacted>,"
                + " scope=sam-scope]");
    }

    @Test
    void appOnly_withACertificate_namesItsSubject_andNoKey() {
        HeldCertificate certificate = new HeldCertificate.Builder().commonName("pc-qualification app").build();

        AppOnlyTokens source = AppOnlyTokens.builder().tenantId(TENANT).clientId(CLIENT)
                .certificate(certificate.keyPair().getPrivate(), certificate.certificate()).build();

        assertThat(source.toString()).contains("credential=certificate CN=pc-qualification app")
                .doesNotContain("PRIVATE");
    }
}
