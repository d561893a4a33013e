package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import java.util.function.Function;

/**
 * How one row of a bulk run ended: {@link Sent} (with the service's {@link UpdateOutcome}), {@link Invalid},
 * {@link Duplicate}, {@link NotSent}, {@link WouldSend} (dry run) or {@link Crashed}. Branch on it with
 * {@link #foldResult}, one function per variant; on Java 21+ a {@code switch} over the sealed type works too.
 *
 * @param <K> the type of the caller's key
 */
public sealed interface BulkResult<K> {

    /**
     * Where the row was in the source.
     *
     * @return the row's position, as its {@link BulkItem} gave it (1, 2, 3... for a plain list of requests)
     */
    long position();

    /**
     * The caller's key of the row.
     *
     * @return the key its {@link BulkItem} carried (the request itself for a plain list of requests)
     */
    K key();

    /**
     * Whether running the row again would end the same: true for a service's answer ({@code Updated},
     * {@code Unchanged}, {@code InvalidRequest}, {@code Rejected}, {@code NotFound}), an invalid row, a duplicate
     * and a dry run; false when the row did not get an answer ({@code Unavailable} after the retries,
     * {@code AuthenticationFailed}, not sent, crashed). A journal counts the final rows as done, so a rerun sends the
     * others again.
     *
     * @return true if the row is done for good
     */
    boolean isFinal();

    /**
     * Whether the row is an error: a final one ({@link #isFinal()}: refused, invalid) or one worth retrying.
     *
     * @return true unless the row was updated, unchanged, a duplicate or a dry run's valid row
     */
    boolean isError();

    /**
     * Applies the function for this result's variant, and only that one.
     *
     * @param sent for a {@link Sent} row
     * @param invalid for an {@link Invalid} row
     * @param duplicate for a {@link Duplicate} row
     * @param notSent for a {@link NotSent} row
     * @param wouldSend for a {@link WouldSend} row
     * @param crashed for a {@link Crashed} row
     * @param <R> what the functions return
     * @return what the chosen function returned
     * @throws NullPointerException if a function is null
     */
    <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
            Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
            Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed);

    /**
     * The row was sent and the service answered (or the retries gave up: {@code Unavailable}).
     *
     * @param position the row's position
     * @param key the caller's key
     * @param request what was sent
     * @param outcome how the update ended
     * @param <K> the type of the caller's key
     */
    record Sent<K>(long position, K key, QualificationRequest request, UpdateOutcome outcome) implements BulkResult<K> {
        /**
         * Checks the result.
         *
         * @param position at least 1
         * @param key the caller's key
         * @param request what was sent
         * @param outcome how the update ended
         */
        public Sent {
            checkRow(position, key);
            checkNotNull(request, "request");
            checkNotNull(outcome, "outcome");
        }

        @Override
        public boolean isFinal() {
            return outcome.foldUpdate(updated -> true, unchanged -> true, failure -> failure.foldFailure(
                    invalid -> true, rejected -> true, notFound -> true, unavailable -> false, authentication -> false));
        }

        @Override
        public boolean isError() {
            return outcome.foldUpdate(updated -> false, unchanged -> false, failure -> true);
        }

        @Override
        public <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
                Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
                Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed) {
            checkFunctions(sent, invalid, duplicate, notSent, wouldSend, crashed);
            return sent.apply(this);
        }
    }

    /**
     * Nothing was sent: the caller found the row invalid ({@link BulkItem#invalid}), or, in a dry run, the request
     * breaks a rule the service would refuse it for.
     *
     * @param position the row's position
     * @param key the caller's key
     * @param problem why, for people
     * @param <K> the type of the caller's key
     */
    record Invalid<K>(long position, K key, String problem) implements BulkResult<K> {
        /**
         * Checks the result.
         *
         * @param position at least 1
         * @param key the caller's key
         * @param problem why the row is invalid
         */
        public Invalid {
            checkRow(position, key);
            checkNotNull(problem, "problem");
        }

        @Override
        public boolean isFinal() {
            return true;
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
                Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
                Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed) {
            checkFunctions(sent, invalid, duplicate, notSent, wouldSend, crashed);
            return invalid.apply(this);
        }
    }

    /**
     * The customer was listed at an earlier position of the same run; it is sent once, for that position.
     *
     * @param position the row's position
     * @param key the caller's key
     * @param request the request of this row, not sent
     * @param firstPosition where the customer was first listed
     * @param <K> the type of the caller's key
     */
    record Duplicate<K>(long position, K key, QualificationRequest request, long firstPosition) implements BulkResult<K> {
        /**
         * Checks the result.
         *
         * @param position at least 2
         * @param key the caller's key
         * @param request the row's request
         * @param firstPosition at least 1, before {@code position}
         */
        public Duplicate {
            checkRow(position, key);
            checkNotNull(request, "request");
            checkArgument(firstPosition >= 1 && firstPosition < position, "the first position %s must come before %s",
                    firstPosition, position);
        }

        @Override
        public boolean isFinal() {
            return true;
        }

        @Override
        public boolean isError() {
            return false;
        }

        @Override
        public <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
                Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
                Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed) {
            checkFunctions(sent, invalid, duplicate, notSent, wouldSend, crashed);
            return duplicate.apply(this);
        }
    }

    /**
     * Not sent: an earlier row's authentication failed, and the run stopped sending (every further request would fail
     * the same way). Fix the credentials and run again: with a journal, only such rows are sent.
     *
     * @param position the row's position
     * @param key the caller's key
     * @param request the row's request, not sent
     * @param stoppedBy the failure that stopped the run
     * @param <K> the type of the caller's key
     */
    record NotSent<K>(long position, K key, QualificationRequest request, AuthenticationFailed stoppedBy)
            implements BulkResult<K> {
        /**
         * Checks the result.
         *
         * @param position at least 1
         * @param key the caller's key
         * @param request the row's request
         * @param stoppedBy the failure that stopped the run
         */
        public NotSent {
            checkRow(position, key);
            checkNotNull(request, "request");
            checkNotNull(stoppedBy, "stoppedBy");
        }

        @Override
        public boolean isFinal() {
            return false;
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
                Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
                Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed) {
            checkFunctions(sent, invalid, duplicate, notSent, wouldSend, crashed);
            return notSent.apply(this);
        }
    }

    /**
     * Dry run: the request passes every rule checked before sending, and would be sent.
     *
     * @param position the row's position
     * @param key the caller's key
     * @param request what would be sent
     * @param <K> the type of the caller's key
     */
    record WouldSend<K>(long position, K key, QualificationRequest request) implements BulkResult<K> {
        /**
         * Checks the result.
         *
         * @param position at least 1
         * @param key the caller's key
         * @param request what would be sent
         */
        public WouldSend {
            checkRow(position, key);
            checkNotNull(request, "request");
        }

        @Override
        public boolean isFinal() {
            return true;
        }

        @Override
        public boolean isError() {
            return false;
        }

        @Override
        public <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
                Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
                Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed) {
            checkFunctions(sent, invalid, duplicate, notSent, wouldSend, crashed);
            return wouldSend.apply(this);
        }
    }

    /**
     * The use case threw instead of returning an outcome (a bug in a platform's own port, say): the row failed and a
     * rerun sends it again; the run goes on.
     *
     * @param position the row's position
     * @param key the caller's key
     * @param request what was being sent
     * @param exception what was thrown
     * @param <K> the type of the caller's key
     */
    record Crashed<K>(long position, K key, QualificationRequest request, RuntimeException exception)
            implements BulkResult<K> {
        /**
         * Checks the result.
         *
         * @param position at least 1
         * @param key the caller's key
         * @param request what was being sent
         * @param exception what was thrown
         */
        public Crashed {
            checkRow(position, key);
            checkNotNull(request, "request");
            checkNotNull(exception, "exception");
        }

        @Override
        public boolean isFinal() {
            return false;
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public <R> R foldResult(Function<? super Sent<K>, ? extends R> sent, Function<? super Invalid<K>, ? extends R> invalid,
                Function<? super Duplicate<K>, ? extends R> duplicate, Function<? super NotSent<K>, ? extends R> notSent,
                Function<? super WouldSend<K>, ? extends R> wouldSend, Function<? super Crashed<K>, ? extends R> crashed) {
            checkFunctions(sent, invalid, duplicate, notSent, wouldSend, crashed);
            return crashed.apply(this);
        }
    }

    private static void checkRow(long position, Object key) {
        checkArgument(position >= 1, "positions start at 1, got %s", position);
        checkNotNull(key, "key");
    }

    private static void checkFunctions(Object... functions) {
        for (Object f : functions) {
            checkNotNull(f, "a fold function is null");
        }
    }
}
