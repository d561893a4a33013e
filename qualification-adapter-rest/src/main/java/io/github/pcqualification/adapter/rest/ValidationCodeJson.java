package io.github.pcqualification.adapter.rest;

import org.jspecify.annotations.Nullable;

/** Wire record: one ValidationCode of {@code GET /v1/customers/all/validations}; counts may be null. */
record ValidationCodeJson(
        @Nullable String partnerId,
        @Nullable String organizationName,
        @Nullable String validationId,
        @Nullable Integer maxCreates,
        @Nullable Integer remainingCreates,
        @Nullable String eTag) {}
