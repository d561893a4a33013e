package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator's answers at the edges, exactly, over loopback: refused and revoked tokens, a fake that fails to
 * answer, values that are not valid, a body at the size limit, and a body that cannot be read.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakePartnerCenterServerEdgesTest {

    private static final String FRESH = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualification";
    private static final String FRESH_ASYNC = "/v1/customers/" + DemoData.FRESH_CUSTOMER + "/qualifications";
    private static final String REFUSED_BODY = "{\"code\":401,\"description\":\"Access denied: the access token is "
            + "invalid or expired.\",\"data\":[],\"source\":\"PartnerFD\"}";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final InMemoryPartnerCenter backend = DemoData.seed(new InMemoryPartnerCenter(new RecordingSleeper()));
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

    private HttpRequest.Builder request(String pathAndQuery, String token, String requestId) {
        return HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .header("MS-RequestId", requestId);
    }

    private HttpResponse<String> get(String path, String token, String requestId) throws IOException, InterruptedException {
        return client.send(request(path, token, requestId).GET().build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path, "t", "0a1b2c3d-0000-4000-8000-000000000001")
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path, "t", "0a1b2c3d-0000-4000-8000-000000000001")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aRefusedToken_is401_theServicesExpiredTokenAnswer_andNeverReachesTheFake() throws Exception {
        FakePartnerCenterServer returned = server.refuseTokens("revoked"::equals);

        HttpResponse<String> revoked = get(FRESH, "revoked", "0a1b2c3d-0000-4000-8000-000000000001");
        HttpResponse<String> other = get(FRESH, "valid", "0a1b2c3d-0000-4000-8000-000000000002");

        assertThat(returned).isSameAs(server);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo(REFUSED_BODY);
        assertThat(revoked.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("\"none\"");
        assertThat(backend.callCount()).isOne();
    }

    @Test
    void aScriptedUnauthorized_is401_andSoIsItsRepeatWithARenewedToken_once() throws Exception {
        backend.failNext(1, Fault.unauthorized());
        String operation = "0a1b2c3d-0000-4000-8000-0000000000a1";

        HttpResponse<String> first = get(FRESH, "expired", operation);
        HttpResponse<String> repeat = get(FRESH, "renewed", operation);
        HttpResponse<String> again = get(FRESH, "renewed", operation);

        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(first.body()).isEqualTo(REFUSED_BODY);
        assertThat(first.headers().firstValue("MS-RequestId")).hasValue(operation);
        assertThat(repeat.statusCode()).isEqualTo(401);
        assertThat(repeat.body()).isEqualTo(REFUSED_BODY);
        assertThat(again.statusCode()).as("a repeat is refused once, not forever").isEqualTo(200);
        assertThat(backend.callCount()).as("the refused repeat never reaches the fake").isEqualTo(2);
    }

    @Test
    void aScriptedUnauthorized_leavesOtherOperationsAlone() throws Exception {
        backend.failNext(1, Fault.unauthorized());

        HttpResponse<String> refused = get(FRESH, "expired", "0a1b2c3d-0000-4000-8000-0000000000b1");
        HttpResponse<String> other = get(FRESH, "expired", "0a1b2c3d-0000-4000-8000-0000000000b2");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void aFakeThatFailsToAnswer_is500ApiFault_namingOnlyTheKindOfFailure() throws Exception {
        server.refuseTokens(token -> {
            throw new IllegalStateException("secret detail");
        });

        HttpResponse<String> response = get(FRESH, "t", "0a1b2c3d-0000-4000-8000-000000000001");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"code\":500,\"description\":\"The fake failed to answer: "
                + "IllegalStateException\",\"data\":[],\"source\":\"PartnerFD\"}");
    }

    // ---------------------------------------------------------------- values that are not valid

    @ParameterizedTest
    @ValueSource(strings = {"?code=A%20B", "?code", "?other=1&code="})
    void syncPutWithAValidationCodeThatIsNotValid_is400WithABareString_andNeverReachesTheFake(String query)
            throws Exception {
        HttpResponse<String> response = put(FRESH + query, "\"GovernmentCommunityCloud\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("\"The validation code is not valid.\"");
        assertThat(backend.callCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"qualification\":\"StateOwnedEntity\",\"website\":5}",
        "{\"qualification\":\"StateOwnedEntity\",\"website\":\"not a website\"}",
        "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":12345}",
        "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":[\"DEMO-GCC-12345\"]}",
    })
    void asyncPostWithAWebsiteOrCodeThatIsNotValid_is400WithABareString_andNeverReachesTheFake(String body)
            throws Exception {
        HttpResponse<String> response = post(FRESH_ASYNC, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("\"The website or validation code is not valid.\"");
        assertThat(backend.callCount()).isZero();
    }

    // ---------------------------------------------------------------- body size

    @Test
    void aBodyOfExactly64KiB_isRead() throws Exception {
        String body = " ".repeat(MAX_BODY_BYTES - "\"Education\"".length()) + "\"Education\"";

        HttpResponse<String> response = put(FRESH, body);

        assertThat(body).hasSize(MAX_BODY_BYTES);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"education\"");
    }

    @Test
    void aBodyOneByteOver64KiB_is413WithABareString_andNeverReachesTheFake() throws Exception {
        String body = " ".repeat(MAX_BODY_BYTES + 1 - "\"Education\"".length()) + "\"Education\"";

        HttpResponse<String> response = put(FRESH, body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("\"The request body is larger than 65536 bytes.\"");
        assertThat(backend.callCount()).isZero();
    }

    // ---------------------------------------------------------------- a body that cannot be read

    @Test
    void aBodyThatCannotBeRead_is400_sayingTheConnectionCloses() throws Exception {
        try (Socket socket = RawConnections.open(server.port(), "PUT " + FRESH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n\"Education\"\r\n0\r\n\r\n")) {

            String answer = RawConnections.readUntilClosed(socket, Duration.ofSeconds(3));

            assertThat(answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
            assertThat(answer).endsWith("\r\n\r\n{\"code\":400,\"description\":\"The request body could not be read.\","
                    + "\"data\":[],\"source\":\"PartnerFD\"}");
        }
        assertThat(backend.callCount()).isZero();
    }
}
