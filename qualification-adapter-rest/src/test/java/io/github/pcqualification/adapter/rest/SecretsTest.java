package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.policy.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The canary token never shows in an outcome, a message, an exception or a log line. */
class SecretsTest extends MockServerTest {

    private final List<String> logLines = new CopyOnWriteArrayList<>();

    private RestQualificationAdapter loggingAdapter() {
        return adapter(b -> b.httpLogging(true).httpLogger(logLines::add)
                .retryPolicy(new RetryPolicy(2, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .readTimeout(Duration.ofMillis(300))
                .tokenSource(new TokenSource() {
                    @Override
                    public String currentToken() {
                        return TOKEN;
                    }

                    @Override
                    public String refreshedToken() {
                        return REFRESHED_TOKEN;
                    }
                }));
    }

    static Stream<Arguments> answers() {
        String echo = "<html><pre>GET /v1 HTTP/1.1\nAuthorization: Bearer " + TOKEN + "\n</pre></html>";
        return Stream.of(
                Arguments.of("success", (Consumer<MockWebServer>) s -> s.enqueue(json(200, "\"education\""))),
                Arguments.of("401 twice", (Consumer<MockWebServer>) s -> {
                    s.enqueue(json(401, "{\"code\":401,\"description\":\"Access denied\"}"));
                    s.enqueue(json(401, "{\"code\":401,\"description\":\"Access denied\"}"));
                }),
                Arguments.of("429 twice", (Consumer<MockWebServer>) s -> {
                    s.enqueue(json(429, "{\"statusCode\":429,\"message\":\"Rate limit\"}").setHeader("Retry-After", "1"));
                    s.enqueue(json(429, "{\"statusCode\":429,\"message\":\"Rate limit\"}").setHeader("Retry-After", "1"));
                }),
                Arguments.of("proxy echoing the request", (Consumer<MockWebServer>) s -> s.enqueue(
                        new MockResponse().setResponseCode(400).setBody(echo))),
                Arguments.of("success echoing the token", (Consumer<MockWebServer>) s -> s.enqueue(json(200, "\"" + TOKEN + "\""))),
                Arguments.of("error description echoing the token", (Consumer<MockWebServer>) s -> s.enqueue(
                        json(403, "{\"code\":1,\"description\":\"token " + TOKEN + " is not allowed\"}"))),
                Arguments.of("disconnect", (Consumer<MockWebServer>) s -> {
                    s.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
                    s.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
                }),
                Arguments.of("no response", (Consumer<MockWebServer>) s -> {
                    s.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
                    s.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
                }));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void noOutcomeMessageOrLogLine_containsTheToken(String name, Consumer<MockWebServer> script) {
        script.accept(server);
        RestQualificationAdapter adapter = loggingAdapter();

        Outcome outcome = adapter.setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        List<String> texts = new ArrayList<>(logLines);
        texts.add(outcome.toString());
        texts.add(adapter.toString());
        if (outcome instanceof Failure failure) {
            texts.add(failure.message());
        }
        assertThat(texts).noneMatch(t -> t.contains(TOKEN)).noneMatch(t -> t.contains(REFRESHED_TOKEN));
    }

    @Test
    void httpLog_showsTheExchange_withAuthorizationRedacted() {
        server.enqueue(json(200, "\"education\""));

        loggingAdapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(logLines).anyMatch(l -> l.startsWith("--> GET ") && l.contains("/v1/customers/" + CUSTOMER + "/qualification"));
        assertThat(logLines).anyMatch(l -> l.startsWith("Authorization: ") && !l.contains(TOKEN));
        assertThat(logLines).anyMatch(l -> l.equals("MS-CorrelationId: " + CONTEXT.correlationId()));
        assertThat(logLines).anyMatch(l -> l.startsWith("<-- 200"));
    }

    @Test
    void echoedToken_isCutOutOfTheRawBody_butTheRestIsKept() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("Authorization: Bearer " + TOKEN + " was seen"));

        var outcome = adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(((Rejected) outcome).error().rawBody()).contains("Authorization: Bearer <redacted> was seen");
    }

    @Test
    void redactingLogger_cutsBearerCredentialsAndJwts() {
        List<String> lines = new ArrayList<>();
        var logger = new RestQualificationAdapter.RedactingLogger(lines::add, () -> List.of(TOKEN));

        logger.log("Authorization: Bearer abc.DEF-123_x/y+z==");
        logger.log("{\"access_token\":\"eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl\"}");
        logger.log("nothing secret here");
        logger.log("\"" + TOKEN + "\"");

        assertThat(lines).containsExactly("Authorization: Bearer <redacted>", "{\"access_token\":\"<redacted>\"}",
                "nothing secret here", "\"<redacted>\"");
    }

    @Test
    void badTokens_failWithAMessageThatDoesNotShowThem() {
        String leaky = TOKEN + "\r\nX-Injected: 1";
        RestQualificationAdapter adapter = adapter(b -> b.tokenSource(TokenSource.of(() -> leaky)));

        assertThatIllegalArgumentException().isThrownBy(() -> adapter.getQualification(CUSTOMER, CONTEXT))
                .withMessageContaining("TokenSource.currentToken()")
                .withMessageNotContaining(TOKEN);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void nullOrEmptyTokens_failClearly() {
        RestQualificationAdapter nullTokens = adapter(b -> b.tokenSource(TokenSource.of(() -> null)));
        RestQualificationAdapter emptyTokens = adapter(b -> b.tokenSource(TokenSource.of(() -> "")));

        assertThatNullPointerException().isThrownBy(() -> nullTokens.getQualification(CUSTOMER, CONTEXT))
                .withMessageContaining("returned null");
        assertThatIllegalArgumentException().isThrownBy(() -> emptyTokens.listValidationCodes(CONTEXT))
                .withMessageContaining("empty token");
    }
}
