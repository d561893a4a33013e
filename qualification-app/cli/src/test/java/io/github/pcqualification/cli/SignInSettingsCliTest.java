package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login}, {@code logout} and the credentials read from the environment, in-process: where the sign-in is
 * kept and forgotten, what each partial or invalid setting says (exit 2, nothing sent), and a sign-in that cannot
 * reach Entra ID (exit 5). Nothing here reaches the network: the only endpoint is a closed loopback port.
 */
class SignInSettingsCliTest {

    private static final String CLIENT = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final String TENANT = "8a6a3b2c-1d4e-4f50-9a1b-2c3d4e5f6a7b";
    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QualificationCli.run(args, env, DemoData::newDemoPartnerCenter, new PrintWriter(out),
                new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** A remote command, so the credentials are read; the base URL is never reached when they are refused. */
    static Result get(Map<String, String> env) {
        return run(env, "get", "--customer", FRESH, "--base-url", "http://127.0.0.1:9");
    }

    @Test
    void logout_removesTheKeptSignIn_andSaysWhere() throws IOException {
        Path cache = Files.writeString(dir.resolve("cache.json"), "{}");

        Result result = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache.toString()), "logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Signed out: removed " + cache + System.lineSeparator());
        assertThat(cache).doesNotExist();
    }

    @Test
    void logout_withoutASignIn_saysSo_atTheDefaultPlaceUnderHome() {
        Result result = run(Map.of("HOME", dir.toString()), "logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Not signed in: there is no token cache at "
                + dir.resolve(".config").resolve("pc-qualification").resolve("token-cache.json") + System.lineSeparator());
    }

    @Test
    void logout_withNowhereToLook_isAUsageError() {
        Result result = run(Map.of(), "logout");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.errLines().get(0))
                .isEqualTo("error: no sign-in to forget: neither PARTNER_CENTER_TOKEN_CACHE nor HOME is set");
    }

    @Test
    void logout_thatCannotRemoveTheFile_saysToRemoveItByHand_exitOne() throws IOException {
        Path cache = Files.createDirectory(dir.resolve("cache.json"));
        Files.writeString(cache.resolve("inside"), "x");

        Result result = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache.toString()), "logout");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(result.err()).isEqualTo("error: could not remove " + cache + " (DirectoryNotEmptyException): remove"
                + " it yourself; it holds a refresh token" + System.lineSeparator());
    }

    @Test
    void login_withNowhereToKeepTheSignIn_isAUsageError() {
        Result result = run(Map.of(), "login", "--client-id", CLIENT);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.errLines().get(0))
                .isEqualTo("error: no place for the sign-in: set PARTNER_CENTER_TOKEN_CACHE (or HOME)");
    }

    @Test
    void login_takesTheTenantFromTheEnvironment_andRefusesOneThatCannotBe() {
        Result result = run(Map.of("HOME", dir.toString(), "PARTNER_CENTER_TENANT_ID", "not a tenant"), "login",
                "--client-id", CLIENT);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: the tenant must be the partner tenant's id (a GUID)");
    }

    @Test
    void login_aTimeoutOfAnHour_isAccepted_moreIsNot() {
        Result hour = run(Map.of(), "login", "--timeout", "60m");
        Result more = run(Map.of(), "login", "--timeout", "61m");

        assertThat(hour.err()).as("the timeout passed; the client id is what is missing")
                .startsWith("error: login needs the app registration's client id");
        assertThat(more.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(more.err()).contains("the timeout must be more than zero and at most 60m, got 61m");
    }

    @Test
    void login_thatCannotReachEntraId_isExitFive_andKeepsNothing() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path cache = dir.resolve("cache.json");

        Result result = run(Map.of("PARTNER_CENTER_TOKEN_CACHE", cache.toString(), "PARTNER_CENTER_AUTHORITY",
                "https://localhost:" + port, "PARTNER_CENTER_CLIENT_ID", CLIENT, "PARTNER_CENTER_TENANT_ID", TENANT),
                "login", "--timeout", "30s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.errLines().get(0)).startsWith("error: sign-in failed: ").contains("localhost:" + port);
        assertThat(result.errLines().get(1)).isEqualTo("nothing was kept; run `qualification login` again");
        assertThat(cache).doesNotExist();
    }

    @Test
    void login_anAuthorityThatIsNotHttps_isAUsageError() {
        Result result = run(Map.of("HOME", dir.toString(), "PARTNER_CENTER_AUTHORITY", "http://login.example.com"),
                "login", "--client-id", CLIENT);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: PARTNER_CENTER_AUTHORITY must be an https URL");
    }

    @Test
    void anEmptyToken_isNoToken() {
        Result result = get(Map.of("PARTNER_CENTER_TOKEN", ""));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.err()).startsWith("error: no credentials: set PARTNER_CENTER_TOKEN, or the Secure Application"
                + " Model variables");
    }

    @Test
    void aClientSecretAlone_namesBothMissingVariables_forAppOnlyTokens() {
        Result result = get(Map.of("PARTNER_CENTER_CLIENT_SECRET", "secret-value-123456"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.errLines().get(0)).isEqualTo("error: PARTNER_CENTER_CLIENT_SECRET is set, but"
                + " PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID are not: App-only tokens needs"
                + " PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_CLIENT_SECRET; nothing was sent");
    }

    @Test
    void aRefreshTokenWithoutTheSecret_namesIt_forTheSecureApplicationModel() {
        Result result = get(Map.of("PARTNER_CENTER_REFRESH_TOKEN", "refresh-value-123456", "PARTNER_CENTER_TENANT_ID",
                TENANT, "PARTNER_CENTER_CLIENT_ID", CLIENT));

        assertThat(result.errLines().get(0)).isEqualTo("error: PARTNER_CENTER_REFRESH_TOKEN is set, but"
                + " PARTNER_CENTER_CLIENT_SECRET is not: the Secure Application Model needs PARTNER_CENTER_TENANT_ID,"
                + " PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_CLIENT_SECRET with PARTNER_CENTER_REFRESH_TOKEN;"
                + " nothing was sent");
        assertThat(result.err()).doesNotContain("refresh-value-123456");
    }

    @Test
    void anInvalidTenant_isNamedByItsVariable() {
        Result result = get(Map.of("PARTNER_CENTER_TENANT_ID", "not a tenant", "PARTNER_CENTER_CLIENT_ID", CLIENT,
                "PARTNER_CENTER_CLIENT_SECRET", "secret-value-123456", "PARTNER_CENTER_REFRESH_TOKEN",
                "refresh-value-123456"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(result.errLines().get(0)).startsWith("error: PARTNER_CENTER_TENANT_ID: the tenant must be the"
                + " partner tenant's id").endsWith("; nothing was sent");
    }

    @Test
    void anAuthorityThatIsNotHttps_isNamedOnce() {
        Result result = get(Map.of("PARTNER_CENTER_TENANT_ID", TENANT, "PARTNER_CENTER_CLIENT_ID", CLIENT,
                "PARTNER_CENTER_CLIENT_SECRET", "secret-value-123456", "PARTNER_CENTER_AUTHORITY",
                "http://login.example.com"));

        assertThat(result.errLines().get(0)).isEqualTo("error: PARTNER_CENTER_AUTHORITY must be an https URL such as"
                + " https://login.microsoftonline.com; nothing was sent");
    }
}
