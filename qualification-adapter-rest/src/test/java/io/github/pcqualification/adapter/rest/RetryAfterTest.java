package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "57,57", "' 120 ',120", "3600,3600", "999999999,999999999", "99999999999999999999,999999999"})
    void deltaSeconds(String header, long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"'Mon, 02 Mar 2026 10:01:30 GMT',90", "'Mon, 02 Mar 2026 11:00:00 GMT',3600", "'Mon, 2 Mar 2026 10:00:00 GMT',0"})
    void httpDates_areRelativeToNow(String header, long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @Test
    void aDateInThePast_meansNow() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "-5", "1.5", "soon", "2026-03-02T10:01:30Z", "Mon, 32 Mar 2026 10:00:00 GMT"})
    void unreadableOrAbsent_isEmpty(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }

    @Test
    void aDateInTheYear9999_isClampedLikeHugeSeconds() {
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW)).contains(Duration.ofSeconds(RetryAfter.MAX_SECONDS));
    }
}
