package io.github.pcqualification.adapter.rest;

import java.io.IOException;

/** Transport: a response body was larger than the configured limit; it was not read into memory. */
final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ResponseTooLargeException(int status, long limit, String how) {
        super("response body larger than " + limit + " bytes (" + how + ")");
        this.status = status;
    }

    int status() {
        return status;
    }
}
