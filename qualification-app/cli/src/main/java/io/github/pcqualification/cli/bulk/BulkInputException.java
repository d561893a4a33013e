package io.github.pcqualification.cli.bulk;

/** The bulk input, journal or options cannot be used; nothing was sent. The message says why and where. */
public final class BulkInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BulkInputException(String message) {
        super(message);
    }

    public BulkInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
