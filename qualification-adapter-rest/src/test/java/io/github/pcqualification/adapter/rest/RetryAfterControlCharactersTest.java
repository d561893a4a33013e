package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression (found by ErrorTranslationFuzzTest): a Retry-After of control characters only used to throw NumberFormatException. */
class RetryAfterControlCharactersTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u0000", "\u001f\u0001", " \u0007 "})
    void aRetryAfterOfControlCharactersOnly_isIgnored(String header) {
        assertThat(RetryAfter.parse(header, Instant.parse("2026-03-02T10:00:00Z"))).isEmpty();
    }
}
