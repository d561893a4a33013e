package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.outcome.AccessToken;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tokens remembered for redaction: the eight handed out last, newest first, each once. */
class TokensMemoryTest {

    @Test
    void theEightNewestTokens_areRemembered_newestFirst() {
        AtomicInteger n = new AtomicInteger();
        Tokens tokens = new Tokens(() -> new AccessToken("token-" + n.incrementAndGet(), TokenKind.APP_USER,
                Optional.empty()));

        IntStream.range(0, 9).forEach(i -> tokens.current());

        assertThat(tokens.recent()).containsExactly("token-9", "token-8", "token-7", "token-6", "token-5", "token-4",
                "token-3", "token-2");
    }

    @Test
    void aTokenHandedOutAgain_isRememberedOnce_asTheNewest() {
        String[] script = {"a-token", "b-token", "a-token"};
        AtomicInteger n = new AtomicInteger();
        Tokens tokens = new Tokens(() -> new AccessToken(script[n.getAndIncrement()], TokenKind.APP_USER,
                Optional.empty()));

        tokens.current();
        tokens.current();
        tokens.current();

        assertThat(tokens.recent()).containsExactly("a-token", "b-token");
    }
}
