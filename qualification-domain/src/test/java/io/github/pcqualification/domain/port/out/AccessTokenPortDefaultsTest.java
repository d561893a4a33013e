package io.github.pcqualification.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a port gives when it does not say otherwise: a renewed token is a current one; a supplier's port hides it. */
class AccessTokenPortDefaultsTest {

    @Test
    void aPortThatOnlyKnowsItsCurrentToken_renewsByAskingForItAgain() {
        AtomicInteger asked = new AtomicInteger();
        AccessTokenPort port = () -> new AccessToken("token-" + asked.incrementAndGet(), TokenKind.APP_USER,
                Optional.empty());

        TokenOutcome renewed = port.renewedToken();

        assertThat(renewed).isEqualTo(new AccessToken("token-1", TokenKind.APP_USER, Optional.empty()));
        assertThat(asked).hasValue(1);
    }

    @Test
    void aSuppliersPort_describesItselfWithoutAnyToken() {
        AccessTokenPort port = AccessTokenPort.of(() -> "canary-SECRET", () -> "renewed-SECRET");

        String shown = port.toString();

        assertThat(shown).isEqualTo("AccessTokenPort[supplier, tokens redacted]");
    }
}
