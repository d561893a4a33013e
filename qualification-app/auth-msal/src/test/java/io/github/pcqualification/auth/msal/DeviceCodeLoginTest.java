package io.github.pcqualification.auth.msal;

import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's sign-in: the device code is shown, the wait is bounded, the sign-in is kept in a file only its owner
 * can read, later tokens come from it silently (and renew with its refresh token), and a file others can read is
 * refused.
 */
class DeviceCodeLoginTest {

    static final String PUBLIC_CLIENT = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    static final String TENANT = "8a6a3b2c-1d4e-4f50-9a1b-2c3d4e5f6a7b";
    static final String USER_OID = "00000000-0000-4000-8000-00000000a11c";
    static final String USERNAME = "admin@contoso.onmicrosoft.com";
    static final String DEVICE_MESSAGE = "To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
            + " and enter the code ABCD-EFGH to authenticate.";
    static final String LOGIN_ACCESS = "canary-login-access-1-xyz";
    static final String LOGIN_REFRESH = "canary-login-refresh-1-xyz";
    static final String RENEWED_ACCESS = "canary-login-access-2-xyz";
    static final String RENEWED_REFRESH = "canary-login-refresh-2-xyz";

    @RegisterExtension
    final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

    @TempDir
    Path home;

    private final List<String> prompts = new CopyOnWriteArrayList<>();

    private Path cachePath() {
        return home.resolve(".config").resolve(TokenCacheFile.DIRECTORY).resolve(TokenCacheFile.FILE_NAME);
    }

    private DeviceCodeLogin.Builder login() {
        return DeviceCodeLogin.builder().authority(endpoint.authority()).tenant(TENANT).clientId(PUBLIC_CLIENT)
                .tokenCache(TokenCacheFile.at(cachePath())).prompt(prompts::add);
    }

    /** The device-code answer, then the token answer for the sign-in, for a dispatcher. */
    static MockResponse deviceCode() {
        return json("{\"user_code\":\"ABCD-EFGH\",\"device_code\":\"device-code-123456\",\"verification_uri\":"
                + "\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":0,\"message\":\""
                + DEVICE_MESSAGE + "\"}");
    }

    static MockResponse signedInTokens(String accessToken, String refreshToken) {
        long now = System.currentTimeMillis() / 1000;
        String idToken = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64("{\"aud\":\"" + PUBLIC_CLIENT
                + "\",\"iss\":\"https://localhost/" + TENANT + "/v2.0\",\"iat\":" + now + ",\"nbf\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"name\":\"Contoso Admin\",\"oid\":\"" + USER_OID
                + "\",\"preferred_username\":\"" + USERNAME + "\",\"sub\":\"subject\",\"tid\":\"" + TENANT
                + "\",\"ver\":\"2.0\"}") + ".c2ln";
        String clientInfo = base64("{\"uid\":\"" + USER_OID + "\",\"utid\":\"" + TENANT + "\"}");
        return json("{\"token_type\":\"Bearer\",\"scope\":\"" + SecureApplicationModelTokens.USER_IMPERSONATION
                + " openid profile offline_access\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\""
                + accessToken + "\",\"refresh_token\":\"" + refreshToken + "\",\"id_token\":\"" + idToken
                + "\",\"client_info\":\"" + clientInfo + "\"}");
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void signIn_showsTheCode_waitsForThePerson_andKeepsTheSignInReadableByItsOwnerOnly() throws Exception {
        endpoint.enqueue(deviceCode());
        endpoint.enqueue(LoopbackTokenEndpoint.error(400, "authorization_pending", "AADSTS70016: pending."));
        endpoint.enqueue(signedInTokens(LOGIN_ACCESS, LOGIN_REFRESH));

        LoginOutcome outcome = login().build().signIn();

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        LoginOutcome.SignedIn signedIn = (LoginOutcome.SignedIn) outcome;
        assertThat(signedIn.username()).isEqualTo(USERNAME);
        assertThat(signedIn.tenantId()).isEqualTo(TENANT);
        assertThat(signedIn.tokenCache()).isEqualTo(cachePath());
        assertThat(prompts).containsExactly(DEVICE_MESSAGE);
        RecordedRequest codeRequest = endpoint.take();
        assertThat(codeRequest.getPath()).isEqualTo("/" + TENANT + "/oauth2/v2.0/devicecode");
        assertThat(form(codeRequest)).containsEntry("client_id", PUBLIC_CLIENT);
        assertThat(form(codeRequest).get("scope").split(" ")).contains(SecureApplicationModelTokens.USER_IMPERSONATION);
        assertThat(form(endpoint.take())).containsEntry("grant_type", "device_code")
                .containsEntry("device_code", "device-code-123456").containsEntry("client_id", PUBLIC_CLIENT)
                .doesNotContainKey("client_secret");
        assertThat(endpoint.take().getPath()).endsWith("/oauth2/v2.0/token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cachePath()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cachePath().getParent())))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(cachePath().getParent())) {
            assertThat(files).as("no temporary file is left").containsExactly(cachePath());
        }
        assertThat(Files.readString(cachePath())).contains(PUBLIC_CLIENT, LOGIN_REFRESH);
    }

    @Test
    void laterTokens_comeFromTheFileSilently_thenRenewWithItsRefreshToken_andTheRotatedOneIsKept() throws Exception {
        endpoint.enqueue(deviceCode());
        endpoint.enqueue(signedInTokens(LOGIN_ACCESS, LOGIN_REFRESH));
        assertThat(login().build().signIn()).isInstanceOf(LoginOutcome.SignedIn.class);
        endpoint.take();
        endpoint.take();
        endpoint.enqueue(signedInTokens(RENEWED_ACCESS, RENEWED_REFRESH));
        TestClock clock = new TestClock();
        SignedInUserTokens tokens = SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(cachePath()))
                .clock(clock).build();

        TokenOutcome cached = tokens.currentToken();
        int requestsForCachedToken = endpoint.requestCount();
        clock.advance(Duration.ofMinutes(56));
        TokenOutcome renewed = tokens.currentToken();

        assertThat(((AccessToken) cached).value()).isEqualTo(LOGIN_ACCESS);
        assertThat(((AccessToken) cached).kind()).isEqualTo(TokenKind.APP_USER);
        assertThat(requestsForCachedToken).as("the first token came from the file, no request").isEqualTo(2);
        assertThat(((AccessToken) renewed).value()).isEqualTo(RENEWED_ACCESS);
        assertThat(form(endpoint.take())).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", LOGIN_REFRESH).containsEntry("client_id", PUBLIC_CLIENT);
        assertThat(Files.readString(cachePath())).contains(RENEWED_REFRESH).doesNotContain(LOGIN_REFRESH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cachePath()))).isEqualTo("rw-------");
    }

    @Test
    void aPersonWhoNeverSignsIn_endsTheWaitAtTheTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        endpoint.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().endsWith("/devicecode")) {
                    return deviceCode();
                }
                release.await(10, TimeUnit.SECONDS);      // the person is still reading the code
                return LoopbackTokenEndpoint.error(400, "authorization_pending", "AADSTS70016: pending.");
            }
        });
        try {
            LoginOutcome outcome = login().timeout(Duration.ofMillis(300)).build().signIn();

            assertThat(outcome).isInstanceOf(LoginOutcome.Failed.class);
            CredentialProblem problem = ((LoginOutcome.Failed) outcome).problem();
            assertThat(problem.reason()).isEqualTo(Reason.NOT_SIGNED_IN);
            assertThat(problem.message()).contains("not finished within 300 ms");
            assertThat(prompts).containsExactly(DEVICE_MESSAGE);
            assertThat(cachePath()).doesNotExist();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aDeclinedSignIn_isNotSignedIn_andKeepsNothing() {
        endpoint.enqueue(deviceCode());
        endpoint.enqueue(LoopbackTokenEndpoint.error(400, "authorization_declined", "AADSTS70000: declined."));

        LoginOutcome outcome = login().build().signIn();

        String said = outcome.fold(signedIn -> "signed in", failed -> failed.problem().message());
        assertThat(said).contains("declined");
        assertThat(cachePath()).doesNotExist();
    }

    @Test
    void withoutASignIn_tokensAreNotSignedIn_namingWhatToRun() {
        TokenOutcome outcome = SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(cachePath()))
                .signInAgain("run `qualification login`").build().currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(((CredentialProblem) outcome).reason()).isEqualTo(Reason.NOT_SIGNED_IN);
        assertThat(((CredentialProblem) outcome).message()).startsWith("not signed in")
                .endsWith("run `qualification login`");
        assertThat(endpoint.requestCount()).isZero();
    }

    @Test
    void aCacheFileOthersCanRead_isRefused_andNotSent() throws IOException {
        endpoint.enqueue(deviceCode());
        endpoint.enqueue(signedInTokens(LOGIN_ACCESS, LOGIN_REFRESH));
        login().build().signIn();
        Files.setPosixFilePermissions(cachePath(), PosixFilePermissions.fromString("rw-r--r--"));

        TokenOutcome outcome = SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(cachePath())).build()
                .currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(((CredentialProblem) outcome).reason()).isEqualTo(Reason.SOURCE_FAILED);
        assertThat(((CredentialProblem) outcome).message()).contains(cachePath().toString()).contains("rw-r--r--")
                .contains("sign in again").doesNotContain(LOGIN_REFRESH);
        assertThat(TokenCacheFile.at(cachePath()).unsafe()).isPresent();
    }

    @Test
    void anExpiredSignIn_isInvalidGrant_sayingToSignInAgain() {
        endpoint.enqueue(deviceCode());
        endpoint.enqueue(signedInTokens(LOGIN_ACCESS, LOGIN_REFRESH));
        login().build().signIn();
        endpoint.enqueue(LoopbackTokenEndpoint.error(400, "invalid_grant",
                "AADSTS700082: The refresh token has expired due to inactivity."));
        TestClock clock = new TestClock();
        SignedInUserTokens tokens = SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(cachePath()))
                .signInAgain("run `qualification login`").clock(clock).build();
        tokens.currentToken();
        clock.advance(Duration.ofMinutes(61));

        TokenOutcome outcome = tokens.currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(((CredentialProblem) outcome).reason()).isEqualTo(Reason.INVALID_GRANT);
        assertThat(((CredentialProblem) outcome).message()).contains("AADSTS700082")
                .contains("run `qualification login`").doesNotContain(LOGIN_REFRESH);
    }

    @Test
    void theDefaultPath_followsXdgThenHomeThenAppData() {
        assertThat(TokenCacheFile.defaultPath(java.util.Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")))
                .hasValue(Path.of("/x", "pc-qualification", "token-cache.json"));
        assertThat(TokenCacheFile.defaultPath(java.util.Map.of("HOME", "/h")))
                .hasValue(Path.of("/h", ".config", "pc-qualification", "token-cache.json"));
        assertThat(TokenCacheFile.defaultPath(java.util.Map.of("APPDATA", "/a")))
                .hasValue(Path.of("/a", "pc-qualification", "token-cache.json"));
        assertThat(TokenCacheFile.defaultPath(java.util.Map.of())).isEmpty();
    }
}
