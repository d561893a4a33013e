package io.github.pcqualification.cli.bulk;

/** The bulk input, journal or options cannot be used; nothing was sent. The message says why and where. */
public final class BulkInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A problem with no underlying exception.
     *
     * @param message what is wrong and where, for people
     */
    public BulkInputException(String message) {
        super(message);
    }

    /**
     * A problem found through another exception.
     *
     * @param message what is wrong and where, for people
     * @param cause the exception that revealed it
     */
    public BulkInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
