package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Delta-seconds of nine digits are read as written; only ten or more are clamped; a neighbour of a digit is none. */
class RetryAfterDigitsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"100000000,100000000", "000000007,7", "1000000000,999999999"})
    void nineDigits_areReadAsWritten_andTenOrMoreAreClamped(String header, long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", ":", "1/", "9:"})
    void theCharactersBeside0And9_areNotDigits(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
