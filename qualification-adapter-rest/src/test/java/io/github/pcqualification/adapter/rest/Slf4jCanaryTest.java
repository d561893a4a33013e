package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import io.github.pcqualification.domain.testing.CapturingSlf4jProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canary token, through the real SLF4J path (HTTP logging on, retries logged at DEBUG, a capturing
 * SLF4J binding), on every error path: it appears in no log line, outcome, message or toString.
 */
class Slf4jCanaryTest extends MockServerTest {

    private static final String ECHO = "Authorization: Bearer " + TOKEN;

    @AfterEach
    void stopCapture() {
        CapturingSlf4jProvider.stop();
    }

    private RestQualificationAdapter loggingAdapter() {
        return adapter(b -> b.httpLogging(true)
                .readTimeout(Duration.ofMillis(300))
                .maxResponseBytes(64 * 1024)
                .accessTokens(AccessTokenPort.of(() -> TOKEN, () -> REFRESHED_TOKEN)));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 412, 429, 500, 502, 503, 504, 200, 201, 302})
    void everyStatus_logsNoToken_evenWhenTheAnswerEchoesIt(int status) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(status).setHeader("Retry-After", "1")
                    .setHeader("Content-Type", "application/json")
                    .setBody(status == 200 || status == 201 ? "<html>" + ECHO + "</html>"
                            : "{\"code\":1,\"description\":\"" + ECHO + "\"}"));
        }

        List<String> texts = exercise(a -> a.setQualification(
                QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of("GCC-1")), CONTEXT));

        assertThat(texts).noneMatch(t -> t.contains(TOKEN)).noneMatch(t -> t.contains(REFRESHED_TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DISCONNECT_AT_START", "DISCONNECT_DURING_RESPONSE_BODY", "NO_RESPONSE"})
    void transportFailures_logNoToken(String policy) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("\"education\"").setSocketPolicy(SocketPolicy.valueOf(policy)));
        }

        List<String> texts = exercise(a -> a.getQualifications(CUSTOMER, CONTEXT));

        assertThat(texts).noneMatch(t -> t.contains(TOKEN));
    }

    @Test
    void anOversizedAnswer_logsNoToken() {
        server.enqueue(new MockResponse().setBody("\"" + (ECHO + " ").repeat(10_000) + "\""));

        List<String> texts = exercise(a -> a.listValidationCodes(CONTEXT));

        assertThat(texts).noneMatch(t -> t.contains(TOKEN));
    }

    /** Runs the operation with capture on; returns every log line, the outcome, its message and the adapter's toString. */
    private List<String> exercise(Function<RestQualificationAdapter, Outcome> operation) {
        RestQualificationAdapter adapter = loggingAdapter();
        CapturingSlf4jProvider.start();

        Outcome outcome = operation.apply(adapter);

        List<String> lines = CapturingSlf4jProvider.stop();
        assertThat(lines).as("SLF4J lines were captured (the HTTP log is on)").anyMatch(l -> l.contains("--> "));
        assertThat(lines).as("the Authorization header was logged, redacted").anyMatch(l -> l.contains("Authorization: "));
        List<String> texts = new ArrayList<>(lines);
        texts.add(outcome.toString());
        texts.add(adapter.toString());
        if (outcome instanceof Failure failure) {
            texts.add(failure.message());
        }
        return texts;
    }
}
