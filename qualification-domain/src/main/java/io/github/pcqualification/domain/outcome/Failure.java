package io.github.pcqualification.domain.outcome;

/**
 * Any outcome that is not a success. Every variant keeps what is known of the cause and the ids of
 * the operation.
 */
public sealed interface Failure extends UpdateOutcome, GetOutcome, CodesOutcome
        permits InvalidRequest, Rejected, NotFound, Unavailable, AuthenticationFailed {

    /**
     * One line describing the failure for people.
     *
     * @return the kind of failure and what is known of its cause
     */
    String message();
}
