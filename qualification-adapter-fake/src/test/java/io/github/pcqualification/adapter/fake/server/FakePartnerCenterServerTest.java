package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact wire of the served fake, read with the JDK's HTTP client over loopback. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakePartnerCenterServerTest {

    private static final String CORRELATION = "0a1b2c3d-0000-4000-8000-00000000abcd";
    private static final String REQUEST = "0a1b2c3d-0000-4000-8000-00000000ef01";
    private static final String FRESH = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualification";
    private static final String FRESH_ASYNC = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualifications";
    private static final String FRESH_VALIDATIONS = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/validations";

    private final InMemoryPartnerCenter backend = DemoData.seed(new InMemoryPartnerCenter(
            Clock.fixed(Instant.parse("2026-03-01T10:15:30.750Z"), ZoneOffset.UTC), new RecordingSleeper()));
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private FakePartnerCenterServer server;

    @BeforeEach
    void start() throws IOException {
        server = FakePartnerCenterServer.start(backend, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer secret-token")
                .header("Accept", "application/json")
                .header("MS-CorrelationId", CORRELATION)
                .header("MS-RequestId", REQUEST)
                .header("MS-Contract-Version", "v1");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    @Test
    void listensOnLoopbackOnly_onTheChosenFreePort() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
    }

    @Test
    void syncPut_answers200WithTheLowerCaseName_andEchoesTheIds() throws Exception {
        HttpResponse<String> response = put(FRESH, "\"Education\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"education\"");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("MS-CorrelationId")).contains(CORRELATION);
        assertThat(response.headers().firstValue("MS-RequestId")).contains(REQUEST);
        assertThat(backend.qualificationsOf(DemoData.FRESH_CUSTOMER)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
    }

    @Test
    void syncPutOfGcc_takesTheUrlEncodedCodeFromTheQuery_andConsumesACreate() throws Exception {
        HttpResponse<String> response = put(FRESH + "?code=DEMO%2DGCC%2D12345", "\"GovernmentCommunityCloud\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"governmentcommunitycloud\"");
        assertThat(backend.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(4);
    }

    @Test
    void syncPut_acceptsTheEnumsIntegerToo_asTheDocsProseSays() throws Exception {
        HttpResponse<String> response = put(FRESH, "1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"education\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Charity\"", "7", "{\"qualification\":\"Education\"}", "not json", ""})
    void syncPutOfAnUnparsableBody_is400_900126(String body) throws Exception {
        HttpResponse<String> response = put(FRESH, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":900126,\"description\":\"Unable to parse the qualification "
                + "in the request body.\",\"data\":[],\"source\":\"PartnerFD\"}");
        assertThat(backend.callCount()).isZero();
    }

    @Test
    void syncGet_answersTheHeldValueInLowerCase() throws Exception {
        HttpResponse<String> fresh = get(FRESH);
        HttpResponse<String> gcc = get("/v1/customers/" + DemoData.GCC_CUSTOMER + "/qualification");

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("\"none\"");
        assertThat(gcc.body()).isEqualTo("\"governmentcommunitycloud\"");
    }

    @Test
    void asyncPost_answers201WithOneObject_inReview_dated() throws Exception {
        HttpResponse<String> response = post(FRESH_ASYNC,
                "{\"qualification\":\"Education\",\"educationSegment\":\"K12\",\"website\":\"contoso.edu\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\","
                + "\"vettingCreateDate\":\"2026-03-01T10:15:30Z\"}");
    }

    @Test
    void asyncGet_answers200WithTheQualificationsObject_includingReasons() throws Exception {
        post(FRESH_ASYNC, "{\"qualification\":\"StateOwnedEntity\"}");
        backend.deny(DemoData.FRESH_CUSTOMER, Qualification.STATE_OWNED_ENTITY, "Not state owned.");

        HttpResponse<String> response = get(FRESH_ASYNC);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"qualifications\":[{\"qualification\":\"StateOwnedEntity\","
                + "\"vettingStatus\":\"Denied\",\"vettingReason\":\"Not state owned.\","
                + "\"vettingCreateDate\":\"2026-03-01T10:15:30Z\"}]}");
    }

    @Test
    void asyncPostOfGcc_takesTheCodeFromTheBody() throws Exception {
        HttpResponse<String> response = post(FRESH_ASYNC,
                "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":\"DEMO-GCC-12345\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(backend.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"qualification\":\"Charity\"}                                  | Unable to parse the qualification in the request body.",
        "[1]                                                              | Unable to parse the request body: expected an object.",
        "{\"qualification\":\"Education\",\"educationSegment\":\"Primary\"} | Unable to parse the educationSegment in the request body.",
    })
    void asyncPostOfAnUnparsableBody_is400_900126(String body, String description) throws Exception {
        HttpResponse<String> response = post(FRESH_ASYNC, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":900126,\"description\":\"" + description
                + "\",\"data\":[],\"source\":\"PartnerFD\"}");
    }

    @Test
    void asyncEducationWithoutSegment_is400WithABareString() throws Exception {
        HttpResponse<String> response = post(FRESH_ASYNC, "{\"qualification\":\"Education\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("\"Education needs an educationSegment (K12 or HigherEducation).\"");
    }

    @Test
    void validationCodes_areABareArray() throws Exception {
        HttpResponse<String> response = get("/v1/customers/all/validations");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[{\"partnerId\":\"" + InMemoryPartnerCenter.PARTNER_ID
                + "\",\"organizationName\":\"Fake Partner, Inc.\",\"validationId\":\"DEMO-GCC-12345\",\"maxCreates\":5,"
                + "\"remainingCreates\":5,\"eTag\":\"W/\\\"1\\\"\"},{\"partnerId\":\"" + InMemoryPartnerCenter.PARTNER_ID
                + "\",\"organizationName\":\"Fake Partner, Inc.\",\"validationId\":\"DEMO-USED-0000\",\"maxCreates\":1,"
                + "\"remainingCreates\":0,\"eTag\":\"W/\\\"1\\\"\"}]");
    }

    @Test
    void customerValidations_areABareArray_ofTheCodesItsGccUsed_whileAllStillMeansThePartnersCodes() throws Exception {
        put(FRESH + "?code=DEMO-GCC-12345", "\"GovernmentCommunityCloud\"");

        HttpResponse<String> linked = get(FRESH_VALIDATIONS);
        HttpResponse<String> codes = get("/v1/customers/all/validations");

        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(linked.headers().firstValue("MS-CorrelationId")).contains(CORRELATION);
        assertThat(linked.body()).isEqualTo("[{\"customerId\":\"" + DemoData.FRESH_CUSTOMER + "\",\"partnerId\":\""
                + InMemoryPartnerCenter.PARTNER_ID + "\",\"validationId\":\"DEMO-GCC-12345\","
                + "\"organizationName\":\"Fake Partner, Inc.\",\"eTag\":\"W/\\\"1\\\"\"}]");
        assertThat(codes.statusCode()).isEqualTo(200);
        assertThat(codes.body()).startsWith("[{\"partnerId\":").contains("\"validationId\":\"DEMO-GCC-12345\","
                + "\"maxCreates\":5,\"remainingCreates\":4");
    }

    @Test
    void customerValidations_ofACustomerNeverQualifiedWithACode_areAnEmptyArray() throws Exception {
        HttpResponse<String> fresh = get(FRESH_VALIDATIONS);

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("[]");
    }

    @Test
    void customerValidations_ofTheSeededGccCustomer_listItsSeededLink() throws Exception {
        HttpResponse<String> seededGcc = get("/v1/customers/" + DemoData.GCC_CUSTOMER + "/validations");

        assertThat(seededGcc.statusCode()).isEqualTo(200);
        assertThat(seededGcc.body()).startsWith("[{").contains("\"customerId\":\"" + DemoData.GCC_CUSTOMER + "\"")
                .contains("\"validationId\":\"DEMO-GCC-12345\"").endsWith("}]");
    }

    @Test
    void customerValidations_ofAnUnknownCustomer_are404ApiFault_60003() throws Exception {
        HttpResponse<String> response = get("/v1/customers/99999999-9999-4999-8999-999999999999/validations");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":60003,\"description\":\"Tenant not found: "
                + "99999999-9999-4999-8999-999999999999\",\"data\":[],\"source\":\"PartnerFD\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-guid", "%7B11111111-1111-4111-8111-111111111111%7D", "ALL", "all-customers"})
    void customerValidations_ofAnIdThatIsNotAGuid_are400_900118_andNeverReachTheFake(String id) throws Exception {
        HttpResponse<String> response = get("/v1/customers/" + id + "/validations");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"code\":900118,\"description\":\"Invalid customer id.\",\"data\":[],\"source\":\"PartnerFD\"}");
        assertThat(backend.callCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void customerValidations_answerOnlyGet_else405WithAllow(String method) throws Exception {
        HttpResponse<String> response = send(request(FRESH_VALIDATIONS).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString("[]")).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
        assertThat(backend.callCount()).isZero();
    }

    @Test
    void customerValidations_meetTheCustomersScriptedFaults() throws Exception {
        backend.failFor(DemoData.FRESH_CUSTOMER, 1, Fault.throttled(Duration.ofSeconds(5)));

        HttpResponse<String> codes = get("/v1/customers/all/validations");
        HttpResponse<String> throttled = get(FRESH_VALIDATIONS);
        HttpResponse<String> next = get(FRESH_VALIDATIONS);

        assertThat(codes.statusCode()).as("the partner's codes concern no customer").isEqualTo(200);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(throttled.body())
                .isEqualTo("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 5 seconds.\"}");
        assertThat(next.body()).isEqualTo("[]");
    }

    @Test
    void unknownCustomer_is404ApiFault_60003() throws Exception {
        HttpResponse<String> response = get("/v1/customers/99999999-9999-4999-8999-999999999999/qualification");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":60003,\"description\":\"Tenant not found: "
                + "99999999-9999-4999-8999-999999999999\",\"data\":[],\"source\":\"PartnerFD\"}");
        assertThat(response.headers().firstValue("MS-CorrelationId")).contains(CORRELATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-guid", "%7B11111111-1111-4111-8111-111111111111%7D", "all"})
    void aCustomerIdThatIsNotAGuid_is400_900118_andNeverReachesTheFake(String id) throws Exception {
        HttpResponse<String> response = get("/v1/customers/" + id + "/qualification");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"code\":900118,\"description\":\"Invalid customer id.\",\"data\":[],\"source\":\"PartnerFD\"}");
        assertThat(backend.callCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic dXNlcjpwYXNz", "Bearer ", "bearer token"})
    void withoutABearerToken_is401_andNeverReachesTheFake(String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.baseUri().resolve(FRESH)).GET();
        if (!authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }

        HttpResponse<String> response = send(builder.build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"code\":401,\"description\":\"Access denied: a bearer token is "
                + "required.\",\"data\":[],\"source\":\"PartnerFD\"}");
        assertThat(backend.callCount()).isZero();
    }

    @Test
    void theTokenIsNeverEchoed() throws Exception {
        HttpResponse<String> response = get("/v1/customers/99999999-9999-4999-8999-999999999999/qualification");

        assertThat(response.body()).doesNotContain("secret-token");
        assertThat(response.headers().map().toString()).doesNotContain("secret-token");
    }

    @Test
    void withoutIdHeaders_freshGuidsAreAnswered() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.baseUri().resolve(FRESH))
                .header("Authorization", "Bearer t").GET().build());

        assertThat(response.headers().firstValue("MS-CorrelationId")).hasValueSatisfying(
                v -> assertThat(v).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertThat(response.headers().firstValue("MS-RequestId")).isPresent();
    }

    @Test
    void educationToGcc_is403ApiFault_600006() throws Exception {
        HttpResponse<String> response = put("/v1/customers/" + DemoData.EDUCATION_CUSTOMER
                + "/qualification?code=DEMO-GCC-12345", "\"GovernmentCommunityCloud\"");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"code\":600006,\"description\":\"Education and GovernmentCommunityCloud "
                + "cannot be combined").endsWith("\"data\":[],\"source\":\"PartnerFD\"}");
    }

    @Test
    void aUsedUpCode_is400WithABareString() throws Exception {
        HttpResponse<String> response = put(FRESH + "?code=DEMO-USED-0000", "\"GovernmentCommunityCloud\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("\"The validation code has no remaining creates.\"");
    }

    @Test
    void scriptedThrottling_is429WithRetryAfterInSeconds_andTheThrottlingBody() throws Exception {
        backend.failNext(1, Fault.throttled(Duration.ofSeconds(57)));

        HttpResponse<String> throttled = put(FRESH, "\"Education\"");
        HttpResponse<String> next = put(FRESH, "\"Education\"");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("57");
        assertThat(throttled.body()).isEqualTo("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 57 seconds.\"}");
        assertThat(throttled.headers().firstValue("MS-RequestId")).contains(REQUEST);
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"408, Request Timeout", "500, Internal Server Error", "501, Not Implemented", "502, Bad Gateway",
            "503, Service Unavailable", "504, Gateway Timeout", "599, Server error 599"})
    void scriptedServerError_isThatStatus_describedByABareJsonString(int status, String phrase) throws Exception {
        backend.failNext(1, Fault.serverError(status));

        HttpResponse<String> response = get("/v1/customers/all/validations");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("\"" + phrase + "\"");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void scriptedThrottling_isThe429Body_withRetryAfterInWholeSeconds() throws Exception {
        backend.failNext(1, Fault.throttled(Duration.ofSeconds(57)));

        HttpResponse<String> response = get("/v1/customers/all/validations");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body())
                .isEqualTo("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 57 seconds.\"}");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("57");
    }

    @Test
    void scriptedRejection_isAnApiFault() throws Exception {
        backend.failFor(DemoData.FRESH_CUSTOMER, 1, Fault.rejected(403, "20002", "No relationship."));

        HttpResponse<String> response = get(FRESH_ASYNC);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(
                "{\"code\":20002,\"description\":\"No relationship.\",\"data\":[],\"source\":\"PartnerFD\"}");
    }

    @Test
    void anUnknownPath_is404_andAWrongMethod_is405WithAllow() throws Exception {
        HttpResponse<String> unknown = get("/v1/customers/" + DemoData.FRESH_CUSTOMER + "/orders");
        HttpResponse<String> wrongMethod = send(request(FRESH).DELETE().build());
        HttpResponse<String> postToSync = post(FRESH, "\"Education\"");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, PUT");
        assertThat(postToSync.statusCode()).isEqualTo(405);
        assertThat(backend.callCount()).isZero();
    }

    @Test
    void concurrentClientsAreAllServed() throws Exception {
        int clients = 8;
        int requestsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    assertThat(start.await(5, TimeUnit.SECONDS)).isTrue();
                    int ok = 0;
                    for (int i = 0; i < requestsEach; i++) {
                        if (get("/v1/customers/" + DemoData.GCC_CUSTOMER + "/qualification").statusCode() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get(15, TimeUnit.SECONDS);
            }

            assertThat(ok).isEqualTo(clients * requestsEach);
            assertThat(backend.callCount()).isEqualTo(clients * requestsEach);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterClose_nothingListens_andClosingAgainIsHarmless() {
        URI base = server.baseUri();

        server.close();
        server.close();

        assertThatThrownBy(() -> send(HttpRequest.newBuilder(base.resolve(FRESH)).header("Authorization", "Bearer t")
                .timeout(Duration.ofSeconds(2)).GET().build())).isInstanceOf(ConnectException.class);
    }
}
