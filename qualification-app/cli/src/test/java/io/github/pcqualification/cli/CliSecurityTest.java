package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Security of the command-line tool against a hostile or broken service: the canary token is in no
 * output (stdout, stderr, the JVM's own streams where SLF4J writes) on any error path, text or JSON;
 * answers cannot inject line breaks or terminal escape sequences into the output.
 */
class CliSecurityTest {

    private static final String CANARY = "canary-cli-token-0f9e8d7c6b5a49382716";
    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String ECHO = "Authorization: Bearer " + CANARY;

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    record Result(int exitCode, String out, String err, String jvmStreams) {
        String all() {
            return out + err + jvmStreams;
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream jvm = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int code;
        try (PrintStream capture = new PrintStream(jvm, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            List<String> all = new ArrayList<>(List.of("--base-url", "http://127.0.0.1:" + server.getPort()));
            all.addAll(List.of(args));
            code = QualificationCli.run(all.toArray(String[]::new), Map.of(QualificationCli.TOKEN_VARIABLE, CANARY),
                    DemoData::newDemoPartnerCenter, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(code, out.toString(), err.toString(), jvm.toString(StandardCharsets.UTF_8));
    }

    /** Status, Retry-After (past the CLI's deadline where the status is retried, so nothing sleeps), exit code. */
    @ParameterizedTest(name = "HTTP {0}, {3}")
    @CsvSource({
        "400, , 3, update", "401, , 5, update", "403, , 3, update", "404, , 3, get", "409, , 3, update",
        "412, , 3, codes", "429, 3600, 4, update", "429, 3600, 4, codes", "500, 3600, 4, get", "503, 3600, 4, update",
        "200, , 4, get", "201, , 4, codes", "302, , 4, get",
        "400, , 3, update --json", "401, , 5, get --json", "429, 3600, 4, codes --json", "200, , 4, update --json"})
    void everyErrorPath_printsNoToken_evenWhenTheAnswerEchoesIt(int status, String retryAfter, int exit, String command) {
        for (int i = 0; i < 4; i++) {
            MockResponse answer = new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setBody(status < 300 ? "<html>" + ECHO + "</html>" : "{\"code\":1,\"description\":\"" + ECHO + "\"}");
            if (retryAfter != null) {
                answer.setHeader("Retry-After", retryAfter);
            }
            if (status == 302) {
                answer.setHeader("Location", "http://127.0.0.1:1/?token=" + CANARY);
            }
            server.enqueue(answer);
        }

        Result result = run(args(command));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(exit);
        assertThat(result.all()).as("some output was captured").isNotBlank();
        assertThat(result.all()).doesNotContain(CANARY);
        assertThat(result.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aMissingTokenOrAPlainHttpUrl_isAUsageError_whoseOutputHasNoToken() {
        Result plain = runWithBaseUrl("http://127.0.0.1.evil.com", "get", "--customer", FRESH);
        Result localhostEvil = runWithBaseUrl("http://localhost.evil", "get", "--customer", FRESH);

        assertThat(plain.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(localhostEvil.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(plain.err()).contains("--base-url");
        assertThat(plain.all() + localhostEvil.all()).doesNotContain(CANARY);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anErrorDescriptionWithEscapesAndLineBreaks_staysTwoPlainLines() {
        server.enqueue(new MockResponse().setResponseCode(403)
                .setBody("{\"code\":\"20002\\n\",\"description\":\"No relationship\\u001b[2J\\r\\nFAKE: all good\\u0085\\u2028x\"}"));

        Result result = run("get", "--customer", FRESH);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.err()).hasLineCount(2).doesNotContain("\u001b", "\u0085", "\u2028");
    }

    @Test
    void aQualificationOrVettingReasonWithEscapes_cannotForgeOutputLines() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody(
                "[{\"qualification\":\"Education\\n\\u001b[32mUpdated customer x\",\"vettingStatus\":\"Denied\\r\","
                        + "\"vettingReason\":\"ok\\u001b]0;title\\u0007\\u2028line\"}]"));
        server.enqueue(new MockResponse().setResponseCode(200).setBody("\"Education\\r\\nCustomer y: Education\\u001b[0m\""));

        Result async = run("get", "--customer", FRESH, "--async");
        Result sync = run("get", "--customer", FRESH);

        assertThat(async.exitCode()).isZero();
        assertThat(sync.exitCode()).isZero();
        assertThat(async.out()).hasLineCount(2).doesNotContain("\u001b", "\u0007", "\u2028", "\r");
        assertThat(sync.out()).hasLineCount(1).doesNotContain("\u001b", "\r");
    }

    @Test
    void aBidiOverrideInAnAnswer_isShownEscaped_soTheLineReadsAsItIs() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("\"Educ\u202eation\u2066\""));

        Result result = run("get", "--customer", FRESH);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Educ\\u202eation\\u2066").doesNotContain("\u202e", "\u2066");
    }

    @Test
    void anOrganizationNameWithEscapes_cannotForgeCodeLines() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody(
                "[{\"validationId\":\"GCC-1\",\"organizationName\":\"Contoso\\n  GCC-2  remaining 9 of 9\\u001b[8m\","
                        + "\"maxCreates\":1,\"remainingCreates\":1}]"));

        Result result = run("codes");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).hasLineCount(2).doesNotContain("\u001b");
    }

    @Test
    void anAtFileAsAValidationCode_isTheTextTyped_notTheFile_soTheEnvironmentIsNeverPrinted(@TempDir Path dir)
            throws IOException {
        Path environ = Files.writeString(dir.resolve("environ"), "PARTNER_CENTER_TOKEN=" + CANARY + "\nHOME=/root\n");
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"code\":600006,\"description\":\"no\"}"));
        }

        Result result = run("update", "--customer", FRESH, "--qualification", "GovernmentCommunityCloud",
                "--validation-code", "@" + environ);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.all()).doesNotContain(CANARY).doesNotContain("HOME=");
        String sent = takeRequestLine();
        assertThat(sent).contains("code=%40").contains("environ").doesNotContain(CANARY);
    }

    @Test
    void anAtFileAsACustomer_cannotSmuggleInAnotherBaseUrl_thatWouldReceiveTheToken(@TempDir Path dir)
            throws IOException {
        try (MockWebServer other = new MockWebServer()) {
            other.start(InetAddress.getLoopbackAddress(), 0);
            other.enqueue(new MockResponse().setResponseCode(200).setBody("\"Education\""));
            Path file = Files.writeString(dir.resolve("f"),
                    FRESH + "\n--base-url\nhttp://127.0.0.1:" + other.getPort() + "\n");

            Result result = run("update", "--customer", "@" + file, "--qualification", "Education");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INVALID);
            assertThat(other.getRequestCount()).isZero();
            assertThat(server.getRequestCount()).isZero();
            assertThat(result.all()).doesNotContain(CANARY);
        }
    }

    @Test
    void anAbbreviatedOption_isNotTakenForTheLongOne() {
        Result result = run("get", "--customer", FRESH, "--base", "http://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anEnvironmentVariableReference_inAValue_isSentAsTyped_notExpanded() {
        server.enqueue(new MockResponse().setResponseCode(201).setBody("\"GovernmentCommunityCloud\""));

        Result result = run("update", "--customer", FRESH, "--qualification", "GovernmentCommunityCloud",
                "--validation-code", "${env:" + QualificationCli.TOKEN_VARIABLE + "}");

        assertThat(result.all()).doesNotContain(CANARY);
        assertThat(takeRequestLine()).contains("code=%24%7Benv%3APARTNER_CENTER_TOKEN%7D").doesNotContain(CANARY);
    }

    @Test
    void aSecretPastedAsAnArgument_isRedactedFromTheUsageError() {
        Result unmatched = run("get", "--customer", FRESH, CANARY);
        Result badId = run("get", "--customer", CANARY);

        assertThat(unmatched.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(badId.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(unmatched.all() + badId.all()).doesNotContain(CANARY).contains("[REDACTED]");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"update", "update --json"})
    void aTokenEchoedWithJsonEscapes_isNotPrintedDecoded(String command) {
        String escaped = CANARY.replace("-", "\\u002d");
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                .setBody("{\"code\":\"" + escaped + "\",\"description\":\"token " + escaped + " refused\"}"));
        // A refused update is followed by one read (is it already held?): answer it, or the read waits for its timeout.
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody("\"none\""));

        Result result = run(args(command));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.all()).doesNotContain(CANARY).doesNotContain(escaped).doesNotContain("canary\\u002d");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'\"none\"'", "'\"governmentcommunitycloud\"'"})
    void anUpdateAnsweredWithAnotherValue_isNotReportedAsUpdated(String body) {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body));

        Result result = run("update", "--customer", FRESH, "--qualification", "Education");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.out()).doesNotContain("Updated");
        assertThat(result.err()).contains("unreadable answer");
    }

    private String takeRequestLine() {
        try {
            return server.takeRequest().getRequestLine();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Result runWithBaseUrl(String url, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--base-url", url));
        all.addAll(List.of(args));
        int code = QualificationCli.run(all.toArray(String[]::new), Map.of(QualificationCli.TOKEN_VARIABLE, CANARY),
                DemoData::newDemoPartnerCenter, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString(), "");
    }

    private static String[] args(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        String name = args.remove(0);
        List<String> out = new ArrayList<>(List.of(name));
        switch (name) {
            case "update" -> out.addAll(List.of("--customer", FRESH, "--qualification", "GovernmentCommunityCloud",
                    "--validation-code", "GCC-1"));
            case "get" -> out.addAll(List.of("--customer", FRESH));
            default -> { }
        }
        out.addAll(args);
        return out.toArray(String[]::new);
    }
}
