package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
                .readTimeout(Duration.ofMillis(300))
                .accessTokens(AccessTokenPort.of(() -> TOKEN, () -> REFRESHED_TOKEN)));
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

    /** The token with every hyphen and the first letter JSON-escaped, as a service serializer may write it. */
    private static String jsonEscaped(String token) {
        return "\\u" + String.format("%04X", (int) token.charAt(0)) + token.substring(1).replace("-", "\\u002d");
    }

    static Stream<Arguments> encodedEchoes() {
        String base64ish = "q+Zx/9Kw=r7Tp+Mv";
        return Stream.of(
                Arguments.of(TOKEN, "{\"code\":\"" + jsonEscaped(TOKEN) + "\",\"description\":\"token "
                        + jsonEscaped(TOKEN) + " refused\"}"),
                Arguments.of(TOKEN, "{\"code\":1,\"description\":\"see ?t=" + TOKEN.replace("-", "%2D") + "\"}"),
                Arguments.of(TOKEN, "<html>Bearer " + TOKEN.replace("-", "&#45;").replace("t", "&#x74;") + "</html>"),
                Arguments.of(base64ish, "{\"code\":1,\"description\":\"token " + base64ish.replace("+", "\\u002B")
                        .replace("/", "\\/") + "\"}"),
                Arguments.of("s3Cr", "{\"code\":1,\"description\":\"token s\\u0033Cr refused\"}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("encodedEchoes")
    void anEchoedTokenInAnyEncoding_isCutOutOfWhatTheUserSees_afterDecoding(String token, String body) {
        List<String> lines = new ArrayList<>();
        server.enqueue(json(403, body));
        RestQualificationAdapter adapter = adapter(b -> b.httpLogging(true).httpLogger(lines::add)
                .accessTokens(AccessTokenPort.of(() -> token)));

        Outcome outcome = adapter.getQualification(CUSTOMER, CONTEXT);

        Rejected rejected = (Rejected) outcome;
        List<String> seen = new ArrayList<>(lines);
        seen.addAll(List.of(rejected.toString(), rejected.message(), rejected.error().description(),
                rejected.error().serviceCode().orElse(""), rejected.error().rawBody().orElse("")));
        assertThat(seen).noneMatch(t -> t.contains(token));
        assertThat(rejected.error().rawBody().orElseThrow()).contains(Redaction.REDACTED);
        assertThat(rejected.error().rawBody().orElseThrow()).doesNotContain(body.contains(jsonEscaped(TOKEN))
                ? jsonEscaped(TOKEN) : "\u0000");
    }

    @Test
    void aShortToken_isCutWhereItStandsAlone_butNotOutOfLongerWords() {
        assertThat(Redaction.of(List.of("s3Cr")).apply("token s3Cr refused; s3Crew \"s3Cr\" xs3Cr"))
                .isEqualTo("token <redacted> refused; s3Crew \"<redacted>\" xs3Cr");
        assertThat(Redaction.of(List.of(TOKEN)).apply("x" + TOKEN + "y")).isEqualTo("x<redacted>y");
    }

    @Test
    void redactingLogger_cutsBearerCredentialsAndJwts() {
        List<String> lines = new ArrayList<>();
        var logger = new HttpLogging.RedactingLogger(lines::add, () -> List.of(TOKEN));

        logger.log("Authorization: Bearer abc.DEF-123_x/y+z==");
        logger.log("{\"access_token\":\"eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl\"}");
        logger.log("nothing secret here");
        logger.log("\"" + TOKEN + "\"");

        assertThat(lines).containsExactly("Authorization: Bearer <redacted>", "{\"access_token\":\"<redacted>\"}",
                "nothing secret here", "\"<redacted>\"");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badTokens")
    void badTokens_areAnAuthenticationFailure_whoseMessageDoesNotShowThem(String token, String problem) {
        RestQualificationAdapter adapter = adapter(b -> b.accessTokens(AccessTokenPort.of(() -> token)));

        var outcome = adapter.getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
            assertThat(failed.problem().reason()).isEqualTo(CredentialProblem.Reason.MALFORMED_TOKEN);
            assertThat(failed.message()).contains("the token supplier returned " + problem).doesNotContain(TOKEN);
            assertThat(failed.toString()).doesNotContain(TOKEN);
            assertThat(failed.attempts()).isZero();
            assertThat(failed.context()).isEqualTo(CONTEXT);
        });
        assertThat(server.getRequestCount()).isZero();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of(TOKEN + "\r\nX-Injected: 1", "a token with a line break at index " + TOKEN.length()),
                Arguments.of(TOKEN + "\n", "a token with a line break"),
                Arguments.of(TOKEN + " x", "a token with a space"),
                Arguments.of(TOKEN + "\u00e9", "a token with a non-ASCII character"),
                Arguments.of(TOKEN + "\u0000", "a token with a control character"),
                Arguments.of("Bearer " + TOKEN, "a token that starts with \"Bearer \""),
                Arguments.of("", "an empty token"),
                Arguments.of("   ", "a blank token"),
                Arguments.of(null, "no token (null)"),
                Arguments.of(TOKEN.repeat(2000), "a token of "));
    }

    @Test
    void aSupplierThatThrows_isAnAuthenticationFailure_notAnException() {
        RestQualificationAdapter adapter = adapter(b -> b.accessTokens(AccessTokenPort.of(() -> {
            throw new IllegalStateException("Entra ID unreachable");
        })));

        var update = adapter.setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);
        var codes = adapter.listValidationCodes(CONTEXT);

        assertThat(update).isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
            assertThat(failed.problem().reason()).isEqualTo(CredentialProblem.Reason.SOURCE_FAILED);
            assertThat(failed.message()).contains("IllegalStateException: Entra ID unreachable");
        });
        assertThat(codes).isInstanceOf(AuthenticationFailed.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aPortThatBreaksItsPromise_stillGivesAnOutcome() {
        AccessTokenPort throwing = () -> {
            throw new IllegalStateException("boom");
        };
        AccessTokenPort nulls = () -> null;

        var thrown = adapter(b -> b.accessTokens(throwing)).getQualification(CUSTOMER, CONTEXT);
        var nothing = adapter(b -> b.accessTokens(nulls)).getQualification(CUSTOMER, CONTEXT);

        assertThat(thrown).isInstanceOfSatisfying(AuthenticationFailed.class,
                f -> assertThat(f.message()).contains("AccessTokenPort.currentToken() failed (IllegalStateException: boom)"));
        assertThat(nothing).isInstanceOfSatisfying(AuthenticationFailed.class,
                f -> assertThat(f.message()).contains("AccessTokenPort.currentToken() returned null"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anAppOnlyToken_isRefusedLocallyForUpdates_butReads() {
        AccessTokenPort appOnly = () -> new AccessToken(TOKEN, TokenKind.APP_ONLY, Optional.empty());
        enqueueJson(200, "\"education\"");
        RestQualificationAdapter adapter = adapter(b -> b.accessTokens(appOnly));

        var sync = adapter.setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);
        var async = adapter.requestQualification(QualificationRequest.of(CUSTOMER, Qualification.STATE_OWNED_ENTITY), CONTEXT);
        var read = adapter.getQualification(CUSTOMER, CONTEXT);

        assertThat(List.of(sync, async)).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(AuthenticationFailed.class,
                f -> {
                    assertThat(f.problem().reason()).isEqualTo(CredentialProblem.Reason.APP_ONLY_FOR_UPDATE);
                    assertThat(f.message()).contains("needs an App+User token").contains("nothing was sent");
                }));
        assertThat(read).isInstanceOf(Found.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTokenStraddlingTheDescriptionsCut_isRedactedBeforeTheCut_soNoPartOfItShows() {
        String description = "x".repeat(ErrorTranslation.MAX_DESCRIPTION - 10) + TOKEN + " echoed by a proxy";
        enqueueJson(400, "{\"code\":\"1\",\"description\":\"" + description + "\"}");

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(io.github.pcqualification.domain.outcome.Rejected.class, r -> {
            assertThat(r.error().description()).doesNotContain(TOKEN.substring(0, 8));
            assertThat(r.error().description()).hasSizeLessThanOrEqualTo(ErrorTranslation.MAX_DESCRIPTION + 3);
        });
    }
}
