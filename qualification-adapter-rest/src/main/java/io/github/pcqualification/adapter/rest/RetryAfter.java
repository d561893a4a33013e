package io.github.pcqualification.adapter.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads a {@code Retry-After} header: delta-seconds, or an HTTP-date taken relative to {@code now}. */
final class RetryAfter {

    /** Larger delta-seconds are clamped to this (about 31 years): still "much later", never an overflow. */
    static final long MAX_SECONDS = 999_999_999L;

    private RetryAfter() {}

    /**
     * The wait the header asks for; empty if absent or unreadable; a date in the past means zero; a date
     * further than {@link #MAX_SECONDS} away is clamped to it (a year-9999 date overflowed nanoseconds).
     */
    static Optional<Duration> parse(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.trim();
        if (text.isEmpty()) {
            // only control characters: trim() removes them, and an empty text is no number
            return Optional.empty();
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long seconds = text.length() > 9 ? MAX_SECONDS : Long.parseLong(text);
            return Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_SECONDS)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            if (wait.isNegative()) {
                return Optional.of(Duration.ZERO);
            }
            return Optional.of(wait.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0 ? Duration.ofSeconds(MAX_SECONDS) : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
