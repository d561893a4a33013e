package io.github.pcqualification.auth.msal;

import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.error;
import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.tokens;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.ACCESS_1;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.ACCESS_2;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.ACCESS_3;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.CLIENT;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.REFRESH_0;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.REFRESH_1;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.REFRESH_2;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.SCOPE;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.SECRET;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.testing.CapturingSlf4jProvider;
import io.github.pcqualification.domain.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Canaries: a client secret, refresh tokens and access tokens go through a whole life (exchange, rotation, renewal,
 * a forced renewal, a refused grant, a refused client, a server error, an unreachable endpoint) with every SLF4J
 * logger at every level (MSAL's HTTP debugging included), and none of them shows up in a log line, a problem's
 * message or description, or a {@code toString}. Instance discovery at Microsoft is never attempted either.
 */
class NoSecretInAnyOutputTest {

    private static final List<String> CANARIES = List.of(SECRET, REFRESH_0, REFRESH_1, REFRESH_2, ACCESS_1, ACCESS_2, ACCESS_3);

    @RegisterExtension
    final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

    @Test
    void noCanary_inAnyLogLineProblemOrToString() {
        TestClock clock = new TestClock();
        List<String> rotated = new ArrayList<>();
        endpoint.enqueue(tokens(ACCESS_1, REFRESH_1, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, REFRESH_2, 3600, SCOPE));
        endpoint.enqueue(tokens(ACCESS_3, REFRESH_2, 3600, SCOPE));
        endpoint.enqueue(error(400, "invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity."));
        endpoint.enqueue(error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided."));
        endpoint.enqueue(error(500, "server_error", "AADSTS50000: There was an error issuing a token.")
                .setHeader("Retry-After", "30"));
        SecureApplicationModelTokens tokens = SecureApplicationModelTokens.builder().authority(endpoint.authority())
                .tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).refreshToken(REFRESH_0).clock(clock)
                .onRefreshTokenRotated(rotated::add).build();
        List<Object> outputs = new ArrayList<>();

        CapturingSlf4jProvider.start();
        List<String> lines;
        try {
            outputs.add(tokens.currentToken());
            clock.advance(Duration.ofMinutes(56));
            outputs.add(tokens.currentToken());
            clock.advance(Duration.ofMinutes(1));
            outputs.add(tokens.renewedToken());
            for (int failure = 0; failure < 3; failure++) {
                clock.advance(Duration.ofMinutes(2));
                outputs.add(tokens.renewedToken());
            }
            outputs.add(tokens);
            outputs.add(AppOnlyTokens.builder().authority(endpoint.authority()).tenantId(TENANT).clientId(CLIENT)
                    .clientSecret(SECRET).build());
        } finally {
            lines = CapturingSlf4jProvider.stop();
        }

        assertThat(rotated).containsExactly(REFRESH_1, REFRESH_2);
        assertThat(endpoint.requestCount()).isEqualTo(6);
        assertThat(lines).as("MSAL and this module logged while the canaries were in flight")
                .anyMatch(line -> line.startsWith("DEBUG com.microsoft.aad.msal4j"))
                .anyMatch(line -> line.contains("Sending token request"));
        for (String line : lines) {
            assertThat(line).doesNotContain(CANARIES).doesNotContain("login.microsoftonline.com");
        }
        List<String> texts = new ArrayList<>();
        for (Object output : outputs) {
            texts.add(output.toString());
            if (output instanceof CredentialProblem problem) {
                texts.add(problem.message());
                problem.remote().ifPresent(remote -> texts.add(remote.summary()));
            }
        }
        assertThat(outputs.stream().filter(CredentialProblem.class::isInstance)).hasSize(3);
        for (String text : texts) {
            assertThat(text).doesNotContain(CANARIES);
        }
    }

    @Test
    void aProblemFromAnUnreachableEndpoint_holdsNoCanaryEither() {
        TokenOutcome outcome = SecureApplicationModelTokens.builder()
                .authority(java.net.URI.create("https://localhost:1")).tenantId(TENANT).clientId(CLIENT)
                .clientSecret(SECRET).refreshToken(REFRESH_0).build().currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(outcome.toString()).doesNotContain(CANARIES);
    }

    @Test
    void anEndpointEchoingTheSecretsPercentEncodedOrEscaped_putsNeitherInAProblem() {
        String percent = REFRESH_0.replace("-", "%2D").replace("c", "%63");
        String html = SECRET.replace("-", "&#45;").replace("Q", "&#x51;");
        endpoint.enqueue(error(400, "invalid_grant", "AADSTS70000: refresh_token " + percent + " of client secret "
                + html + " (escaped: " + REFRESH_0.replace("-", "\\\\u002d") + ")"));
        SecureApplicationModelTokens tokens = SecureApplicationModelTokens.builder().authority(endpoint.authority())
                .tenantId(TENANT).clientId(CLIENT).clientSecret(SECRET).refreshToken(REFRESH_0).build();

        TokenOutcome outcome = tokens.currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        CredentialProblem problem = (CredentialProblem) outcome;
        List<String> texts = new ArrayList<>(List.of(problem.toString(), problem.message()));
        problem.remote().ifPresent(remote -> texts.add(remote.summary()));
        for (String text : texts) {
            assertThat(text).doesNotContain(CANARIES).doesNotContain(percent, html);
        }
        assertThat(problem.message()).contains("<redacted>");
    }
}
