package io.github.pcqualification.domain.model;

/** Which identity an access token speaks for; Partner Center lets only App+User tokens change a qualification. */
public enum TokenKind {
    /** App+User (delegated, the Secure Application Model): may read and update. */
    APP_USER,
    /** App-only (client credentials): may read; an update with it is refused before anything is sent. */
    APP_ONLY,
    /** A token a platform brings from elsewhere: the library cannot tell, so the service decides. */
    UNSPECIFIED
}
