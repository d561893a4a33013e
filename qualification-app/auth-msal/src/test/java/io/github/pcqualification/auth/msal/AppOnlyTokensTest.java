package io.github.pcqualification.auth.msal;

import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.form;
import static io.github.pcqualification.auth.msal.LoopbackTokenEndpoint.tokens;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.ACCESS_1;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.ACCESS_2;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.CLIENT;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.SECRET;
import static io.github.pcqualification.auth.msal.SecureApplicationModelTokensTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** App-only tokens (client credentials): the form, the kind, caching and renewal, a refused secret. */
class AppOnlyTokensTest {

    private static final String DEFAULT_SCOPE = AppOnlyTokens.PARTNER_CENTER_DEFAULT;

    @RegisterExtension
    final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

    private final TestClock clock = new TestClock();

    private AppOnlyTokens appOnly() {
        return AppOnlyTokens.builder().authority(endpoint.authority()).tenantId(TENANT).clientId(CLIENT)
                .clientSecret(SECRET).clock(clock).build();
    }

    @Test
    void theExchange_postsClientCredentialsForPartnerCentersDefaultScope_andGivesAnAppOnlyToken() throws Exception {
        endpoint.enqueue(tokens(ACCESS_1, null, 3600, DEFAULT_SCOPE));

        TokenOutcome outcome = appOnly().currentToken();

        assertThat(outcome).isInstanceOf(AccessToken.class);
        assertThat(((AccessToken) outcome).kind()).isEqualTo(TokenKind.APP_ONLY);
        assertThat(((AccessToken) outcome).value()).isEqualTo(ACCESS_1);
        var request = endpoint.take();
        assertThat(request.getPath()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        Map<String, String> form = form(request);
        assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", CLIENT)
                .containsEntry("client_secret", SECRET).doesNotContainKey("refresh_token");
        // MSAL4J adds its usual OpenID scopes to every grant, client credentials included.
        assertThat(form.get("scope").split(" ")).contains(DEFAULT_SCOPE).doesNotContain(SecureApplicationModelTokens.USER_IMPERSONATION);
    }

    @Test
    void oneRequestWhileValid_andARenewalBeforeExpiry_evenThoughMsalStillCachesTheOldOne() {
        endpoint.enqueue(tokens(ACCESS_1, null, 3600, DEFAULT_SCOPE));
        endpoint.enqueue(tokens(ACCESS_2, null, 3600, DEFAULT_SCOPE));
        AppOnlyTokens tokens = appOnly();

        for (int i = 0; i < 100; i++) {
            assertThat(((AccessToken) tokens.currentToken()).value()).isEqualTo(ACCESS_1);
        }
        clock.advance(Duration.ofMinutes(56));
        TokenOutcome renewed = tokens.currentToken();

        assertThat(((AccessToken) renewed).value()).isEqualTo(ACCESS_2);
        assertThat(endpoint.requestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedSecret_isInvalidClient() {
        endpoint.enqueue(LoopbackTokenEndpoint.error(401, "invalid_client", "AADSTS7000222: The provided client secret keys are expired."));

        TokenOutcome outcome = appOnly().currentToken();

        assertThat(outcome).isInstanceOf(CredentialProblem.class);
        assertThat(((CredentialProblem) outcome).reason()).isEqualTo(CredentialProblem.Reason.INVALID_CLIENT);
        assertThat(((CredentialProblem) outcome).message()).contains("AADSTS7000222").doesNotContain(SECRET);
    }

    @Test
    void theBuilder_namesWhatIsMissing_andToStringHidesTheSecret() {
        assertThatThrownBy(() -> AppOnlyTokens.builder().tenantId(TENANT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientId")
                .hasMessageContaining("clientSecret or certificate").hasMessageNotContaining("refreshToken");
        assertThat(appOnly().toString()).contains(CLIENT).doesNotContain(SECRET);
    }
}
