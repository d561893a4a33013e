package io.github.pcqualification.adapter.rest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Wire record: one qualification of the asynchronous API, or the {@code {"qualifications":[...]}}
 * wrapper around them (one record reads both shapes). Every field may be absent or null; the date is
 * spelled {@code vettingCreateDate} on one documentation page and {@code vettingCreatedDate} on another.
 */
record QualificationJson(
        @Nullable String qualification,
        @Nullable String vettingStatus,
        @Nullable String vettingReason,
        @Nullable String vettingCreateDate,
        @Nullable String vettingCreatedDate,
        @Nullable List<QualificationJson> qualifications) {}
