package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.cli.auth.LoopbackEntraId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the tool's tokens come from: the environment's variables in their order, partial or malformed settings as
 * usage errors (exit 2, nothing sent), the Secure Application Model and App-only tokens from a loopback token
 * endpoint over TLS, and {@code login}/{@code logout} with the device code. No secret, refresh token or access token
 * reaches any output, the JVM's own streams (where logging goes) included.
 */
class CliCredentialsTest {

    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String TENANT = "8a6a3b2c-1d4e-4f50-9a1b-2c3d4e5f6a7b";
    private static final String CLIENT = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private static final String SECRET = "canary-cli-secret-9d8c7b6a";
    private static final String REFRESH = "canary-cli-refresh-5e4d3c2b";
    private static final String PREFIX = "canary-cli-";
    private static final String DEVICE_MESSAGE = "To sign in, use a web browser to open the page"
            + " https://microsoft.com/devicelogin and enter the code WXYZ-1234 to authenticate.";

    @RegisterExtension
    final LoopbackEntraId entraId = new LoopbackEntraId(PREFIX);

    @TempDir
    Path home;

    private MockWebServer partnerCenter;

    @BeforeEach
    void start() throws IOException {
        partnerCenter = new MockWebServer();
        partnerCenter.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        partnerCenter.shutdown();
    }

    record Result(int exitCode, String out, String err, String jvmStreams) {
        String all() {
            return out + err + jvmStreams;
        }
    }

    private Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream jvm = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int code;
        try (PrintStream capture = new PrintStream(jvm, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            code = QualificationCli.run(args, environment, DemoData::newDemoPartnerCenter, new PrintWriter(out),
                    new PrintWriter(err));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(code, out.toString(), err.toString(), jvm.toString(StandardCharsets.UTF_8));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + partnerCenter.getPort();
    }

    private Map<String, String> secureApplicationModel() {
        return new HashMap<>(Map.of("PARTNER_CENTER_TENANT_ID", TENANT, "PARTNER_CENTER_CLIENT_ID", CLIENT,
                "PARTNER_CENTER_CLIENT_SECRET", SECRET, "PARTNER_CENTER_REFRESH_TOKEN", REFRESH,
                "PARTNER_CENTER_AUTHORITY", entraId.authority().toString(),
                "PARTNER_CENTER_TOKEN_CACHE", home.resolve("none.json").toString()));
    }

    private Path cache() {
        return home.resolve("config").resolve("token-cache.json");
    }

    private Map<String, String> loginEnvironment() {
        return Map.of("PARTNER_CENTER_CLIENT_ID", CLIENT, "PARTNER_CENTER_TENANT_ID", TENANT,
                "PARTNER_CENTER_AUTHORITY", entraId.authority().toString(),
                "PARTNER_CENTER_TOKEN_CACHE", cache().toString());
    }

    @Test
    void theSecureApplicationModelVariables_giveAnAppUserToken_thatIsSent_andPrintedNowhere() throws Exception {
        partnerCenter.enqueue(new MockResponse().setBody("\"education\""));

        Result result = run(secureApplicationModel(), "--base-url", baseUrl(), "--http-log", "update", "--customer",
                FRESH, "--qualification", "Education");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(entraId.forms()).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", REFRESH)
                .containsEntry("client_secret", SECRET).containsEntry("client_id", CLIENT));
        RecordedRequest sent = partnerCenter.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + PREFIX + "access-1");
        assertThat(result.all()).doesNotContain(SECRET, REFRESH, PREFIX);
    }

    @Test
    void appOnlyVariables_read_butAnUpdateIsRefusedLocally_withExitFive() throws Exception {
        Map<String, String> appOnly = secureApplicationModel();
        appOnly.remove("PARTNER_CENTER_REFRESH_TOKEN");
        partnerCenter.enqueue(new MockResponse().setBody("\"education\""));

        Result read = run(appOnly, "--base-url", baseUrl(), "get", "--customer", FRESH);
        Result update = run(appOnly, "--base-url", baseUrl(), "update", "--customer", FRESH,
                "--qualification", "Education");

        assertThat(read.exitCode()).as(read.all()).isZero();
        assertThat(entraId.forms().get(0)).containsEntry("grant_type", "client_credentials");
        assertThat(partnerCenter.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                .isEqualTo("Bearer " + PREFIX + "access-1");
        assertThat(update.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(update.err()).contains("App+User").contains("App-only");
        assertThat(partnerCenter.getRequestCount()).as("the update was never sent").isEqualTo(1);
        assertThat(read.all() + update.all()).doesNotContain(SECRET, PREFIX);
    }

    @Test
    void aStaticTokenWins_overTheOtherVariables() throws Exception {
        Map<String, String> both = secureApplicationModel();
        both.put("PARTNER_CENTER_TOKEN", "canary-static-token");
        partnerCenter.enqueue(new MockResponse().setBody("\"education\""));

        Result result = run(both, "--base-url", baseUrl(), "get", "--customer", FRESH);

        assertThat(result.exitCode()).isZero();
        assertThat(partnerCenter.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                .isEqualTo("Bearer canary-static-token");
        assertThat(entraId.forms()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer canary-token-1", "canary token", "canary-token\nX-Injected: 1", " "})
    void aMalformedStaticToken_isAUsageError_thatNeverPrintsIt(String token) {
        Result result = run(Map.of("PARTNER_CENTER_TOKEN", token), "--base-url", baseUrl(), "get", "--customer", FRESH);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: PARTNER_CENTER_TOKEN returned").contains("nothing was sent");
        assertThat(result.all()).doesNotContain("canary");
        assertThat(partnerCenter.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"canary-token\r", "canary-token\rX: 1", "canary-token\nX: 1", "canary token",
        "canary-t\u00f6ken", "canary-token\u2028", "canary-token\t", "canary-token\u0000"})
    void aStaticTokenWithALineBreakSpaceOrNonAscii_isExitTwo_inEveryCommand_andInBulk(String token) throws IOException {
        Path input = Files.writeString(home.resolve("in.csv"), "customerId,qualification\n" + FRESH + ",Education\n");
        Map<String, String> environment = Map.of("PARTNER_CENTER_TOKEN", token);

        List<Result> results = List.of(
                run(environment, "--base-url", baseUrl(), "get", "--customer", FRESH),
                run(environment, "--base-url", baseUrl(), "update", "--customer", FRESH, "--qualification", "Education"),
                run(environment, "--base-url", baseUrl(), "codes"),
                run(environment, "--base-url", baseUrl(), "bulk", "--input", input.toString(),
                        "--output", home.resolve("out.csv").toString()));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("PARTNER_CENTER_TOKEN").doesNotContain("this is a bug");
            assertThat(result.all()).doesNotContain("canary");
        });
        assertThat(partnerCenter.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"Contoso\r\nX-Injected: 1", "Contoso\n", "Cont\u00f6so"})
    void anApplicationNameWithALineBreakOrNonAscii_isExitTwo_nothingSent(String name) {
        Result result = run(Map.of("PARTNER_CENTER_TOKEN", "canary-static-token"), "--base-url", baseUrl(),
                "--application-name", name, "get", "--customer", FRESH);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).contains("--application-name").doesNotContain("this is a bug");
        assertThat(partnerCenter.getRequestCount()).isZero();
    }

    /**
     * A client secret or refresh token travels in the token request's form body, percent-encoded, never in a header:
     * a line break cannot inject anything, and Entra ID (not this tool) decides whether the value is valid.
     */
    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"\r\nX-Injected: 1", "\n", " with space", "-\u00f6"})
    void aClientSecretOrRefreshTokenWithALineBreakSpaceOrNonAscii_travelsIntactInTheForm_neverABug(String damage) {
        Map<String, String> environment = secureApplicationModel();
        environment.put("PARTNER_CENTER_CLIENT_SECRET", SECRET + damage);
        environment.put("PARTNER_CENTER_REFRESH_TOKEN", REFRESH + damage);
        partnerCenter.enqueue(new MockResponse().setBody("\"education\""));

        Result result = run(environment, "--base-url", baseUrl(), "update", "--customer", FRESH, "--qualification",
                "Education");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(entraId.forms()).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("client_secret", SECRET + damage).containsEntry("refresh_token", REFRESH + damage));
        assertThat(result.all()).doesNotContain(SECRET, REFRESH, "X-Injected").doesNotContain("this is a bug");
    }

    @Test
    void partialSets_areUsageErrors_namingTheMissingVariables() {
        Result secretOnly = run(Map.of("PARTNER_CENTER_CLIENT_SECRET", SECRET), "--base-url", baseUrl(), "codes");
        Result refreshOnly = run(Map.of("PARTNER_CENTER_REFRESH_TOKEN", REFRESH), "--base-url", baseUrl(), "codes");
        Result noSecret = run(Map.of("PARTNER_CENTER_TENANT_ID", TENANT, "PARTNER_CENTER_CLIENT_ID", CLIENT,
                "PARTNER_CENTER_REFRESH_TOKEN", REFRESH), "--base-url", baseUrl(), "codes");

        assertThat(secretOnly.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(secretOnly.err()).contains("PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID are not")
                .contains("App-only");
        assertThat(refreshOnly.err())
                .contains("PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_CLIENT_SECRET are not")
                .contains("Secure Application Model");
        assertThat(noSecret.err()).contains("PARTNER_CENTER_CLIENT_SECRET is not");
        assertThat(secretOnly.all() + refreshOnly.all() + noSecret.all()).doesNotContain(SECRET, REFRESH);
        assertThat(partnerCenter.getRequestCount()).isZero();
        assertThat(entraId.forms()).isEmpty();
    }

    @Test
    void anAuthorityThatIsNotHttps_isAUsageError() {
        Map<String, String> environment = secureApplicationModel();
        environment.put("PARTNER_CENTER_AUTHORITY", "http://login.example.com");

        Result result = run(environment, "--base-url", baseUrl(), "codes");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).contains("PARTNER_CENTER_AUTHORITY must be an https URL");
    }

    @Test
    void noCredentialsAtAll_isAUsageError_listingTheThreeWays() {
        Result result = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "--base-url", baseUrl(),
                "get", "--customer", FRESH);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).contains("no credentials").contains("PARTNER_CENTER_TOKEN")
                .contains("PARTNER_CENTER_REFRESH_TOKEN").contains("qualification login");
    }

    @Test
    void aRefusedRefreshToken_isExitFive_sayingToSignTheUserInAgain() {
        entraId.queue(LoopbackEntraId.error(400, "invalid_grant", "AADSTS700082: The refresh token has expired due"
                + " to inactivity."));

        Result result = run(secureApplicationModel(), "--base-url", baseUrl(), "get", "--customer", FRESH);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err()).contains("AADSTS700082").contains("sign the partner user in again");
        assertThat(result.all()).doesNotContain(SECRET, REFRESH);
        assertThat(partnerCenter.getRequestCount()).isZero();
    }

    @Test
    void login_showsTheCode_keepsTheSignIn_laterCommandsUseIt_andLogoutForgetsIt() throws Exception {
        entraId.queue(LoopbackEntraId.deviceCode(DEVICE_MESSAGE));
        entraId.queue(LoopbackEntraId.signedIn(PREFIX + "login-access", PREFIX + "login-refresh", CLIENT, TENANT,
                "admin@contoso.onmicrosoft.com"));
        partnerCenter.enqueue(new MockResponse().setBody("\"education\""));

        Result login = run(loginEnvironment(), "login", "--timeout", "30s");
        Result get = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "--base-url", baseUrl(),
                "get", "--customer", FRESH);
        Result logout = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "logout");
        Result again = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "logout");
        Result afterLogout = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "--base-url", baseUrl(),
                "get", "--customer", FRESH);

        assertThat(login.exitCode()).as(login.all()).isZero();
        assertThat(login.err()).contains("WXYZ-1234").contains("https://microsoft.com/devicelogin");
        assertThat(login.out()).startsWith("Signed in as admin@contoso.onmicrosoft.com (tenant " + TENANT + ")")
                .contains(cache().toString());
        assertThat(entraId.forms().get(0)).containsEntry("client_id", CLIENT);
        assertThat(get.exitCode()).as(get.all()).isZero();
        assertThat(partnerCenter.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                .isEqualTo("Bearer " + PREFIX + "login-access");
        assertThat(entraId.forms()).as("the later command took the token from the file").hasSize(2);
        assertThat(logout.exitCode()).isZero();
        assertThat(logout.out()).startsWith("Signed out: removed " + cache());
        assertThat(cache()).doesNotExist();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("Not signed in");
        assertThat(afterLogout.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(afterLogout.err()).contains("qualification login");
        assertThat(List.of(login, get, logout, again, afterLogout))
                .allSatisfy(r -> assertThat(r.all()).doesNotContain(PREFIX + "login"));
    }

    @Test
    void aLoginCacheOthersCanRead_isRefused_withExitFive() throws Exception {
        entraId.queue(LoopbackEntraId.deviceCode(DEVICE_MESSAGE));
        entraId.queue(LoopbackEntraId.signedIn(PREFIX + "login-access", PREFIX + "login-refresh", CLIENT, TENANT,
                "admin@contoso.onmicrosoft.com"));
        assertThat(run(loginEnvironment(), "login").exitCode()).isZero();
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-rw-r--"));

        Result result = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "--base-url", baseUrl(),
                "get", "--customer", FRESH);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err()).contains("rw-rw-r--").contains("sign in again");
        assertThat(partnerCenter.getRequestCount()).isZero();
    }

    @Test
    void aDeclinedLogin_isExitFive_andKeepsNothing() {
        entraId.queue(LoopbackEntraId.deviceCode(DEVICE_MESSAGE));
        entraId.queue(LoopbackEntraId.error(400, "authorization_declined", "AADSTS70000: declined."));

        Result result = run(loginEnvironment(), "login");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err()).contains("error: sign-in failed: the sign-in was declined");
        assertThat(cache()).doesNotExist();
    }

    @Test
    void loginWithoutAClientIdOrWithAnUnboundedTimeout_isAUsageError() {
        Result noClient = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache().toString()), "login");
        Result tooLong = run(loginEnvironment(), "login", "--timeout", "2h");
        Result zero = run(loginEnvironment(), "login", "--timeout", "0s");

        assertThat(noClient.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(noClient.err()).contains("--client-id or PARTNER_CENTER_CLIENT_ID");
        assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(tooLong.err()).contains("at most 60m");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(entraId.forms()).isEmpty();
    }
}
