package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.LibraryVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line tool's contract: commands, messages, exit codes. */
class CliTest {

    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String EDUCATION = DemoData.EDUCATION_CUSTOMER.toString();
    private static final String UNKNOWN = "99999999-9999-4999-8999-999999999999";
    private static final String CANARY = "canary-token-5d41402abc4b2a76b9719d911017c592";

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Map<String, String> env, Supplier<InMemoryPartnerCenter> fake, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QualificationCli.run(args, env, fake, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(Map.of(), DemoData::newDemoPartnerCenter, args);
    }

    @Test
    void version_isTheVersionTheBuildStamped_notAConstant() {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(LibraryVersion.current()).isNotEqualTo("unknown");
        assertThat(result.out()).startsWith("qualification " + LibraryVersion.current() + System.lineSeparator())
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void metrics_summarisesTheCommandsCalls_onStandardError_beforeOrAfterTheCommand() {
        Result before = run("--metrics", "get", "--customer", DemoData.EDUCATION_CUSTOMER.toString());
        Result after = run("get", "--customer", DemoData.EDUCATION_CUSTOMER.toString(), "--metrics");
        Result without = run("get", "--customer", DemoData.EDUCATION_CUSTOMER.toString());

        for (Result result : java.util.List.of(before, after)) {
            assertThat(result.exitCode()).isZero();
            assertThat(result.err().lines().toList()).hasSize(4).satisfies(lines -> {
                assertThat(lines.get(0)).isEqualTo("metrics: 1 call (found 1)");
                assertThat(lines.get(1)).isEqualTo("  attempts: 1, none asked for a retry");
                assertThat(lines.get(2)).isEqualTo("  throttled waits: 0");
                assertThat(lines.get(3)).startsWith("  latency: p50 ").contains(", p95 ", ", max ");
            });
            assertThat(result.out()).as("standard output is the command's own").doesNotContain("metrics")
                    .hasLineCount((int) without.out().lines().count());
        }
        assertThat(without.err()).doesNotContain("metrics");
    }

    @Nested
    class OnTheEmbeddedFake {

        @Test
        void educationForAFreshCustomer_isUpdated_withExitZeroAndOneLine() {
            Result result = run("update", "--customer", FRESH, "--qualification", "Education");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Updated customer " + FRESH + " to Education (correlation id ")
                    .hasLineCount(1);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void qualificationNamesAreCaseInsensitive() {
            Result result = run("update", "--customer", FRESH, "--qualification", "governmentcommunitycloud",
                    "--validation-code", DemoData.VALIDATION_CODE.value());

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("to GovernmentCommunityCloud");
        }

        @Test
        void theValueTheCustomerAlreadyHas_isUnchanged_withExitZero() {
            Result result = run("update", "--customer", EDUCATION, "--qualification", "Education");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Unchanged: customer " + EDUCATION + " already has Education");
        }

        @Test
        void educationToGcc_isRejectedByTheRules_withExitThree() {
            Result result = run("update", "--customer", EDUCATION, "--qualification", "GovernmentCommunityCloud",
                    "--validation-code", DemoData.VALIDATION_CODE.value());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.err()).startsWith("error: rejected: ").contains("correlation id ").hasLineCount(2);
            assertThat(result.out()).isEmpty();
        }

        @Test
        void anUnknownCustomer_isNotFound_withExitThree() {
            Result result = run("get", "--customer", UNKNOWN);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.err()).startsWith("error: not found: HTTP 404");
        }

        @Test
        void gccWithoutCode_isRefusedBeforeAnyRequest_withExitTwo() {
            InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();

            Result result = run(Map.of(), () -> fake, "update", "--customer", FRESH,
                    "--qualification", "GovernmentCommunityCloud");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("GovernmentCommunityCloud needs the partner's validation code")
                    .contains("nothing was sent").hasLineCount(2);
            assertThat(fake.callCount()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"None", "Nonprofit"})
        void valuesNoPartnerCanSet_areRefused_withExitTwo(String value) {
            Result result = run("update", "--customer", FRESH, "--qualification", value);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains(value + " cannot be set by a partner");
        }

        @Test
        void stateOwnedEntityWithoutAsync_isRefused_withAHintToUseAsync() {
            Result result = run("update", "--customer", FRESH, "--qualification", "StateOwnedEntity");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("--async");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-a-guid", "{11111111-1111-4111-8111-111111111111}", "../../v1/customers/all",
                "11111111-1111-4111-8111-11111111111"})
        void aCustomerIdThatIsNotAGuid_isAUsageError_withExitTwoAndTwoLines(String id) {
            Result result = run("update", "--customer", id, "--qualification", "Education");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("customer id must be a GUID").hasLineCount(2);
            assertThat(result.err()).doesNotContain("at io.github", "Exception");
        }

        @Test
        void anUnknownQualification_listsTheKnownOnes() {
            Result result = run("update", "--customer", FRESH, "--qualification", "Charity");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("unknown qualification 'Charity'").contains("Education");
        }

        @Test
        void aValidationCodeWithSpaces_isRefused() {
            Result result = run("update", "--customer", FRESH, "--qualification", "GovernmentCommunityCloud",
                    "--validation-code", "12 34");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("visible ASCII");
        }

        @Test
        void aMissingRequiredOption_isAUsageError() {
            Result result = run("update", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("--qualification").hasLineCount(2);
        }

        @Test
        void getPrintsTheQualification() {
            Result result = run("get", "--customer", EDUCATION);

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Customer " + EDUCATION + ": Education (correlation id ");
        }

        @Test
        void codesListsTheDemoCodes_andMarksTheUsedUpOne() {
            Result result = run("codes");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains(DemoData.VALIDATION_CODE.value())
                    .contains(DemoData.USED_UP_CODE.value() + "  remaining 0 of 1  (used up)");
        }

        @Test
        void getValidations_listsTheCodeAGccUpdateLinked() {
            InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
            run(Map.of(), () -> fake, "update", "--customer", FRESH, "--qualification", "GovernmentCommunityCloud",
                    "--validation-code", DemoData.VALIDATION_CODE.value());

            Result result = run(Map.of(), () -> fake, "get", "--customer", FRESH, "--validations");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Customer " + FRESH + ": 1 linked validation (correlation id ")
                    .contains(System.lineSeparator() + "  " + DemoData.VALIDATION_CODE.value() + "  Fake Partner, Inc.  partner "
                            + InMemoryPartnerCenter.PARTNER_ID + System.lineSeparator())
                    .hasLineCount(2);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void getValidations_ofACustomerNeverQualifiedWithACode_listsNone_withExitZero() {
            Result result = run("get", "--customer", EDUCATION, "--validations");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Customer " + EDUCATION + ": no linked validations (correlation id ")
                    .hasLineCount(1);
        }

        @Test
        void getValidations_ofAnUnknownCustomer_isNotFound_withExitThree() {
            Result result = run("get", "--customer", UNKNOWN, "--validations");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.err()).startsWith("error: not found: HTTP 404").contains("60003").hasLineCount(2);
            assertThat(result.out()).isEmpty();
        }

        @Test
        void getValidations_asJson_isOneObjectListingThem() {
            InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
            run(Map.of(), () -> fake, "update", "--customer", FRESH, "--qualification", "GovernmentCommunityCloud",
                    "--validation-code", DemoData.VALIDATION_CODE.value());

            Result result = run(Map.of(), () -> fake, "--json", "get", "--customer", FRESH, "--validations");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().trim()).startsWith("{\"outcome\":\"validations_listed\",\"customerId\":\"" + FRESH
                    + "\",\"validations\":[{\"validationId\":\"" + DemoData.VALIDATION_CODE.value() + "\",\"partnerId\":\""
                    + InMemoryPartnerCenter.PARTNER_ID + "\",\"organizationName\":\"Fake Partner, Inc.\","
                    + "\"eTag\":\"W/\\\"1\\\"\"}],\"correlationId\":\"").endsWith("}").hasLineCount(1);
        }

        @Test
        void getValidationsWithAsync_isAUsageError_andNothingIsSent() {
            InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();

            Result result = run(Map.of(), () -> fake, "get", "--customer", FRESH, "--validations", "--async");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("--validations and --async cannot be combined");
            assertThat(fake.callCount()).isZero();
        }

        @Test
        void asyncEducation_isRequested_andStartsInReview() {
            Result result = run("update", "--customer", FRESH, "--qualification", "Education", "--async",
                    "--education-segment", "K12", "--website", "contoso.edu");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("Requested Education for customer " + FRESH + ": vetting InReview");
        }

        @Test
        void asyncEducationWithoutSegment_isRefused() {
            Result result = run("update", "--customer", FRESH, "--qualification", "Education", "--async");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("education segment");
        }

        @Test
        void jsonOutput_isOneObjectWithTheOutcomeAndIds() {
            Result result = run("--json", "update", "--customer", FRESH, "--qualification", "Education");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().trim()).startsWith("{\"outcome\":\"updated\",\"customerId\":\"" + FRESH + "\"")
                    .contains("\"qualification\":\"Education\"").contains("\"correlationId\":\"")
                    .contains("\"requestId\":\"").endsWith("}");
        }

        @Test
        void jsonFailures_goToStandardOutput_withTheExitCodeStillSet() {
            Result result = run("update", "--json", "--customer", EDUCATION, "--qualification", "GovernmentCommunityCloud",
                    "--validation-code", DemoData.VALIDATION_CODE.value());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.out()).startsWith("{\"outcome\":\"rejected\"").contains("\"httpStatus\":403");
        }

        @Test
        void anUnexpectedFailure_isOneLineAndExitOne_neverAStackTrace() {
            Result result = run(Map.of(), () -> {
                throw new IllegalStateException("boom");
            }, "get", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNEXPECTED);
            assertThat(result.err()).startsWith("error: unexpected failure: IllegalStateException: boom")
                    .doesNotContain("\tat ");
        }
    }

    @Nested
    class AgainstAServer {

        private MockWebServer server;

        @BeforeEach
        void start() throws IOException {
            server = new MockWebServer();
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        }

        @AfterEach
        void stop() throws IOException {
            server.shutdown();
        }

        private String baseUrl() {
            return "http://127.0.0.1:" + server.getPort();
        }

        @Test
        void baseUrlAfterTheSubcommand_isUsed_withTheTokenFromTheEnvironment() throws InterruptedException {
            server.enqueue(new MockResponse().setBody("\"education\""));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "update", "--customer", FRESH, "--qualification", "Education", "--base-url", baseUrl());

            assertThat(result.exitCode()).isZero();
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getRequestLine()).isEqualTo("PUT /v1/customers/" + FRESH + "/qualification HTTP/1.1");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + CANARY);
            assertThat(result.all()).doesNotContain(CANARY);
        }

        @Test
        void baseUrlBeforeTheSubcommand_isUsedToo() throws InterruptedException {
            server.enqueue(new MockResponse().setBody("\"governmentcommunitycloud\""));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--base-url", baseUrl(), "get", "--customer", FRESH);

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains(": GovernmentCommunityCloud");
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("GET");
        }

        @Test
        void getValidations_requestsTheCustomersValidations_andPrintsWhatTheServiceListed() throws InterruptedException {
            server.enqueue(new MockResponse().setBody("[{\"customerId\":\"" + FRESH + "\",\"partnerId\":\"p-1\","
                    + "\"validationId\":\"12345\",\"organizationName\":\"Contoso, Inc.\",\"eTag\":\"W/\\\"x\\\"\"}]"));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--base-url", baseUrl(), "get", "--customer", FRESH, "--validations");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains(System.lineSeparator() + "  12345  Contoso, Inc.  partner p-1");
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getRequestLine()).isEqualTo("GET /v1/customers/" + FRESH + "/validations HTTP/1.1");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + CANARY);
            assertThat(result.all()).doesNotContain(CANARY);
        }

        @Test
        void getValidations_answeredWithAnotherCustomers_isExitFour_neverListed() {
            server.enqueue(new MockResponse().setBody("[{\"customerId\":\"" + UNKNOWN + "\",\"validationId\":\"12345\"}]"));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--base-url", baseUrl(), "get", "--customer", FRESH, "--validations");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.err()).startsWith("error: ").contains("customer's validations");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void httpLogging_isAcceptedAsAGlobalOption_andNeverPrintsTheToken() throws InterruptedException {
            server.enqueue(new MockResponse().setBody("\"education\""));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--http-log", "get", "--customer", FRESH, "--base-url", baseUrl());

            assertThat(result.exitCode()).isZero();
            assertThat(result.all()).doesNotContain(CANARY);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization")).isEqualTo("Bearer " + CANARY);
        }

        @Test
        void baseUrlWithoutAToken_isAUsageError_andNothingIsSent() {
            Result result = run("get", "--customer", FRESH, "--base-url", baseUrl());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("no credentials: set PARTNER_CENTER_TOKEN");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void plainHttpToANonLoopbackHost_isRefused() {
            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "get", "--customer", FRESH, "--base-url", "http://partner.example.com");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("--base-url").doesNotContain(CANARY);
        }

        @Test
        void serviceRejection_isExitThree_withStatusCodeAndDescription() {
            server.enqueue(new MockResponse().setResponseCode(403)
                    .setBody("{\"code\":20002,\"description\":\"No relationship\",\"data\":[],\"source\":\"PartnerFD\"}"));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--base-url", baseUrl(), "get", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.err()).contains("HTTP 403").contains("20002").contains("No relationship");
        }

        @Test
        void throttlingPastTheDeadline_isExitFour_withTheRetryAfter() {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
                    .setBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 3600 seconds.\"}"));

            Result result = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--base-url", baseUrl(), "get", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.err()).contains("throttled").contains("retry after 3600s");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aRefusedToken_neverAppearsInAnyOutput() {
            server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setResponseCode(401).setBody("{\"description\":\"Access denied\"}");
                }
            });

            Result text = run(Map.of("PARTNER_CENTER_TOKEN", CANARY), DemoData::newDemoPartnerCenter,
                    "--base-url", baseUrl(), "update", "--customer", FRESH, "--qualification", "Education");

            assertThat(text.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(text.err()).startsWith("error: authentication failed: Partner Center refused the access token")
                    .contains("HTTP 401").doesNotContain(CANARY);
            assertThat(text.all()).doesNotContain(CANARY);
            assertThat(server.getRequestCount()).as("one refresh, one retry, no follow-up read").isEqualTo(2);
        }
    }
}
