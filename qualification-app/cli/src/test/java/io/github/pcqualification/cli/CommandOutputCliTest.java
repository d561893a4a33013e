package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What {@code get}, {@code update} and {@code codes} print for each kind of answer, as text and as {@code --json}:
 * every line and field a user or a script reads, the exit code with it. Answers come from the embedded fake or from
 * a loopback server that answers as Partner Center does.
 */
class CommandOutputCliTest {

    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String EDUCATION = DemoData.EDUCATION_CUSTOMER.toString();
    private static final String UNKNOWN = "99999999-9999-4999-8999-999999999999";
    private static final String TOKEN = "output-test-token-7f3c2a";
    private static final String IDS = "\"correlationId\":\"[0-9a-f-]{36}\",\"requestId\":\"[0-9a-f-]{36}\"}";

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

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

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    @Nested
    class OnTheEmbeddedFake {

        @Test
        void update_asyncWithJson_showsTheVettingItStarted() {
            Result result = run("update", "--json", "--async", "--customer", FRESH, "--qualification", "Education",
                    "--education-segment", "K12", "--website", "contoso.edu");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().strip()).matches("\\{\"outcome\":\"updated\",\"customerId\":\"" + FRESH + "\","
                    + "\"qualification\":\"Education\",\"vettingStatus\":\"InReview\",\"vettingReason\":null,"
                    + "\"vettingCreatedDate\":(null|\"[0-9T:.Z-]+\")," + IDS);
        }

        @Test
        void update_withJson_unchanged_showsTheValueHeld() {
            Result result = run("--json", "update", "--customer", EDUCATION, "--qualification", "Education");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().strip()).matches("\\{\"outcome\":\"unchanged\",\"customerId\":\"" + EDUCATION
                    + "\",\"qualification\":\"Education\"," + IDS);
        }

        @Test
        void get_withJson_ofAnUnknownCustomer_isNotFound_withTheStatusAndExitThree() {
            Result result = run("get", "--json", "--customer", UNKNOWN);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.out().strip()).startsWith("{\"outcome\":\"not_found\",\"httpStatus\":404,")
                    .contains("\"description\":\"");
        }

        @Test
        void get_asyncWithJson_listsEveryQualification() {
            Result result = run("get", "--json", "--async", "--customer", EDUCATION);

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().strip()).startsWith("{\"outcome\":\"found\",\"customerId\":\"" + EDUCATION
                    + "\",\"qualifications\":[{\"qualification\":\"Education\"");
        }

        @Test
        void codes_withJson_listsEachCodeWithItsCounts() {
            Result result = run("codes", "--json");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().strip()).matches("\\{\"outcome\":\"codes_listed\",\"codes\":\\["
                    + "\\{\"validationId\":\"DEMO-GCC-12345\",\"organizationName\":\"Fake Partner, Inc.\",\"maxCreates\":5,"
                    + "\"remainingCreates\":5,\"usedUp\":false\\},"
                    + "\\{\"validationId\":\"DEMO-USED-0000\",\"organizationName\":\"Fake Partner, Inc.\",\"maxCreates\":1,"
                    + "\"remainingCreates\":0,\"usedUp\":true\\}\\]," + IDS);
        }

        @Test
        void codes_asText_countsThemInTheFirstLine() {
            Result result = run("codes");

            assertThat(result.outLines().get(0)).startsWith("2 validation codes (correlation id ");
            assertThat(result.outLines().get(1)).isEqualTo("  DEMO-GCC-12345  remaining 5 of 5  Fake Partner, Inc.");
        }

        @Test
        void update_withJson_gccWithoutACode_isInvalid_listingEachViolation() {
            Result result = run("update", "--json", "--customer", FRESH, "--qualification", "GovernmentCommunityCloud");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.out().strip()).startsWith("{\"outcome\":\"invalid_request\",\"violations\":[{\"rule\":\"")
                    .contains("\"message\":\"GovernmentCommunityCloud needs the partner's validation code");
        }

        @Test
        void update_withJson_educationToGcc_isRejected_namingTheKindOfRefusal() {
            Result result = run("update", "--json", "--customer", EDUCATION, "--qualification",
                    "GovernmentCommunityCloud", "--validation-code", DemoData.VALIDATION_CODE.value());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.out().strip()).matches("\\{\"outcome\":\"rejected\",\"httpStatus\":403,\"serviceCode\":"
                    + "\"600006\",\"description\":\"[^\"]+\",\"reason\":\"REQUEST_REFUSED\"," + IDS);
        }

        @Test
        void anUnknownEducationSegment_isAUsageError_namingTheTwoKnownOnes() {
            Result result = run("update", "--async", "--customer", FRESH, "--qualification", "Education",
                    "--education-segment", "Kindergarten", "--website", "contoso.edu");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID);
            assertThat(result.err()).contains("unknown education segment 'Kindergarten'; expected K12 or HigherEducation");
        }

        @Test
        void anUnexpectedFailure_saysItIsABug_onItsSecondLine() {
            StringWriter err = new StringWriter();
            int code = QualificationCli.run(new String[] {"codes"}, Map.of(), () -> {
                throw new IllegalStateException();
            }, new PrintWriter(new StringWriter()), new PrintWriter(err));

            assertThat(code).isEqualTo(ExitCodes.UNEXPECTED);
            assertThat(err.toString().lines().toList()).containsExactly(
                    "error: unexpected failure: IllegalStateException",
                    "this is a bug; please report it with the command you ran");
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

        private Result call(String... args) {
            String[] all = new String[args.length + 2];
            all[0] = "--base-url";
            all[1] = "http://127.0.0.1:" + server.getPort();
            System.arraycopy(args, 0, all, 2, args.length);
            return run(Map.of("PARTNER_CENTER_TOKEN", TOKEN), all);
        }

        private void answer(int status, String body) {
            server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setBody(body));
        }

        private static final String TWO_VETTED = "{\"qualifications\":["
                + "{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\",\"vettingReason\":null,"
                + "\"vettingCreateDate\":\"2020-12-04T20:54:24Z\"},"
                + "{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"Denied\",\"vettingReason\":\"Not state owned\","
                + "\"vettingCreatedDate\":\"2021-01-05T08:00:00+01:00\"}]}";

        @Test
        void get_async_listsEachQualificationWithItsVettingDateAndReason() {
            answer(200, TWO_VETTED);

            Result result = call("get", "--async", "--customer", FRESH);

            assertThat(result.exitCode()).isZero();
            assertThat(result.outLines()).hasSize(3);
            assertThat(result.outLines().get(0)).startsWith("Customer " + FRESH + ": 2 qualifications (correlation id ");
            assertThat(result.outLines().get(1)).isEqualTo("  Education  InReview  since 2020-12-04T20:54:24Z");
            assertThat(result.outLines().get(2))
                    .isEqualTo("  StateOwnedEntity  Denied  since 2021-01-05T07:00:00Z  (Not state owned)");
        }

        @Test
        void get_async_oneVettedQualification_isStillListed_notSummedUpInOneLine() {
            answer(200, "[{\"qualification\":\"Education\",\"vettingStatus\":\"Approved\"}]");

            Result result = call("get", "--async", "--customer", FRESH);

            assertThat(result.outLines()).hasSize(2);
            assertThat(result.outLines().get(0)).startsWith("Customer " + FRESH + ": 1 qualification (correlation id ");
            assertThat(result.outLines().get(1)).isEqualTo("  Education  Approved");
        }

        @Test
        void get_asyncWithJson_givesEachQualificationsVetting() {
            answer(200, TWO_VETTED);

            Result result = call("get", "--async", "--json", "--customer", FRESH);

            assertThat(result.out().strip()).matches("\\{\"outcome\":\"found\",\"customerId\":\"" + FRESH + "\","
                    + "\"qualifications\":\\["
                    + "\\{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\",\"vettingReason\":null,"
                    + "\"vettingCreatedDate\":\"2020-12-04T20:54:24Z\"\\},"
                    + "\\{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"Denied\","
                    + "\"vettingReason\":\"Not state owned\",\"vettingCreatedDate\":\"2021-01-05T07:00:00Z\"\\}\\]," + IDS);
        }

        @Test
        void codes_asText_showOrganisationAndUnknownCounts() {
            answer(200, "[{\"validationId\":\"ABC-1\",\"organizationName\":\"Contoso Schools\",\"maxCreates\":3,"
                    + "\"remainingCreates\":1},{\"validationId\":\"DEF-2\"}]");

            Result result = call("codes");

            assertThat(result.exitCode()).isZero();
            assertThat(result.outLines()).hasSize(3);
            assertThat(result.outLines().get(1)).isEqualTo("  ABC-1  remaining 1 of 3  Contoso Schools");
            assertThat(result.outLines().get(2)).isEqualTo("  DEF-2  remaining ? of ?");
        }

        @Test
        void oneCode_isCountedInTheSingular() {
            answer(200, "[{\"validationId\":\"ABC-1\",\"maxCreates\":3,\"remainingCreates\":3}]");

            assertThat(call("codes").outLines().get(0)).startsWith("1 validation code (correlation id ");
        }

        @Test
        void aRejection_withJson_keepsTheDescriptionAsWritten() {
            answer(403, "{\"code\":20002,\"description\":\"No relationship with \\\"Contoso\\\"\",\"data\":[],"
                    + "\"source\":\"PartnerFD\"}");

            Result result = call("get", "--json", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.out()).contains("\"httpStatus\":403,\"serviceCode\":\"20002\","
                    + "\"description\":\"No relationship with \\\"Contoso\\\"\",");
        }

        @Test
        void aDescriptionWithAnEscapeInTheMiddle_isShownEscaped_keepingWhatFollows() {
            answer(403, "{\"code\":20002,\"description\":\"bad\\u202eevil text\"}");

            Result result = call("get", "--customer", FRESH);

            assertThat(result.errLines().get(0)).endsWith("bad\\u202eevil text").doesNotContain("\u202e");
        }

        @Test
        void throttledPastTheDeadline_withJson_givesTheReasonRetryAfterAndAttempts() {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
                    .setBody("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"));

            Result result = call("get", "--json", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.out().strip()).matches("\\{\"outcome\":\"unavailable\",\"reason\":\"THROTTLED\","
                    + "\"httpStatus\":429,.*,\"retryAfterSeconds\":3600,\"attempts\":1," + IDS);
        }

        @Test
        void aRefusedToken_withJson_givesTheReasonTheAnswerAndTheAttempts() {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setResponseCode(401).setBody("{\"description\":\"Access denied\"}");
                }
            });

            Result result = call("get", "--json", "--customer", FRESH);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(result.out().strip()).matches("\\{\"outcome\":\"authentication_failed\","
                    + "\"reason\":\"REFUSED_BY_SERVICE\",\"message\":\"Partner Center refused the access token[^\"]*\","
                    + "\"httpStatus\":401,.*\"attempts\":2," + IDS);
            assertThat(result.out()).doesNotContain(TOKEN);
        }

        @Test
        void anAsyncUpdate_sendsTheWebsiteGiven() throws InterruptedException {
            answer(200, "{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\"}");

            Result result = call("update", "--async", "--customer", FRESH, "--qualification", "Education",
                    "--education-segment", "HigherEducation", "--website", "contoso.edu");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.outLines().get(0)).startsWith("Requested Education for customer " + FRESH
                    + ": vetting InReview (correlation id ");
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8()).contains("contoso.edu")
                    .contains("HigherEducation");
        }
    }
}
