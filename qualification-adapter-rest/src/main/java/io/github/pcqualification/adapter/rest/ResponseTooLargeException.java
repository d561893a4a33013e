package io.github.pcqualification.adapter.rest;

import java.io.IOException;

/** Transport: a response body was larger than the configured limit; it was not read into memory. */
final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final long limit;

    ResponseTooLargeException(int status, long limit, String how) {
        super("response body larger than " + limit + " bytes (" + how + ")");
        this.status = status;
        this.limit = limit;
    }

    int status() {
        return status;
    }

    long limit() {
        return limit;
    }
}
