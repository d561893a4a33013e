package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.Function;

/**
 * Any outcome that is not a success. Every variant keeps what is known of the cause and the ids of
 * the operation. Branch on the kind of failure with {@link #foldFailure}, which takes one function per variant;
 * as an {@link UpdateOutcome}, {@link GetOutcome}, {@link CodesOutcome} or {@link ValidationsOutcome} every failure
 * takes the {@code failed} function of that family's fold.
 */
public sealed interface Failure extends UpdateOutcome, GetOutcome, CodesOutcome, ValidationsOutcome
        permits InvalidRequest, Rejected, NotFound, Unavailable, AuthenticationFailed {

    /**
     * One line describing the failure for people.
     *
     * @return the kind of failure and what is known of its cause
     */
    String message();

    /**
     * Applies the function for this failure's variant, and only that one.
     *
     * @param invalid for an {@link InvalidRequest}
     * @param rejected for a {@link Rejected} failure
     * @param notFound for a {@link NotFound} failure
     * @param unavailable for an {@link Unavailable} failure
     * @param authenticationFailed for an {@link AuthenticationFailed} failure
     * @param <R> what the functions return
     * @return what the chosen function returned for this failure
     * @throws NullPointerException if a function is null
     */
    <R> R foldFailure(Function<? super InvalidRequest, ? extends R> invalid,
            Function<? super Rejected, ? extends R> rejected,
            Function<? super NotFound, ? extends R> notFound,
            Function<? super Unavailable, ? extends R> unavailable,
            Function<? super AuthenticationFailed, ? extends R> authenticationFailed);

    /**
     * Applies {@code failed} to this failure: as an update's outcome, every failure is a failure.
     *
     * @param updated not applied
     * @param unchanged not applied
     * @param failed applied to this failure
     * @param <R> what the functions return
     * @return what {@code failed} returned for this failure
     * @throws NullPointerException if a function is null
     */
    @Override
    default <R> R foldUpdate(Function<? super Updated, ? extends R> updated,
            Function<? super Unchanged, ? extends R> unchanged, Function<? super Failure, ? extends R> failed) {
        checkNotNull(updated, "updated");
        checkNotNull(unchanged, "unchanged");
        checkNotNull(failed, "failed");
        return failed.apply(this);
    }

    /**
     * Applies {@code failed} to this failure: as a read's outcome, every failure is a failure.
     *
     * @param found not applied
     * @param failed applied to this failure
     * @param <R> what the functions return
     * @return what {@code failed} returned for this failure
     * @throws NullPointerException if a function is null
     */
    @Override
    default <R> R foldGet(Function<? super Found, ? extends R> found, Function<? super Failure, ? extends R> failed) {
        checkNotNull(found, "found");
        checkNotNull(failed, "failed");
        return failed.apply(this);
    }

    /**
     * Applies {@code failed} to this failure: as a listing's outcome, every failure is a failure.
     *
     * @param listed not applied
     * @param failed applied to this failure
     * @param <R> what the functions return
     * @return what {@code failed} returned for this failure
     * @throws NullPointerException if a function is null
     */
    @Override
    default <R> R foldCodes(Function<? super CodesListed, ? extends R> listed,
            Function<? super Failure, ? extends R> failed) {
        checkNotNull(listed, "listed");
        checkNotNull(failed, "failed");
        return failed.apply(this);
    }

    /**
     * Applies {@code failed} to this failure: as the outcome of listing a customer's validations, every failure is a
     * failure.
     *
     * @param listed not applied
     * @param failed applied to this failure
     * @param <R> what the functions return
     * @return what {@code failed} returned for this failure
     * @throws NullPointerException if a function is null
     */
    @Override
    default <R> R foldValidations(Function<? super ValidationsListed, ? extends R> listed,
            Function<? super Failure, ? extends R> failed) {
        checkNotNull(listed, "listed");
        checkNotNull(failed, "failed");
        return failed.apply(this);
    }
}
