package io.github.pcqualification.adapter.rest;

import org.jspecify.annotations.Nullable;

/**
 * Wire record: one validation linked to a customer, of {@code GET /v1/customers/{customerId}/validations}. The docs
 * are thin; every field may be absent or null here, and {@link WireFormat} decides what an answer must hold.
 */
record CustomerValidationJson(
        @Nullable String customerId,
        @Nullable String partnerId,
        @Nullable String validationId,
        @Nullable String organizationName,
        @Nullable String eTag) {}
