package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.QualificationRequest;
import java.util.Optional;

/**
 * One row of a bulk run as its source gives it: the caller's position (a line number, a database row id...), the
 * caller's own key carried back in the row's {@link BulkResult}, and either the request to send or why the caller
 * found the row invalid itself (then nothing is sent and the row ends {@link BulkResult.Invalid}).
 *
 * @param position where the row is in the source: at least 1, and greater than the position of the row before it
 * @param key the caller's own handle on the row, given back with its result
 * @param request the request to send, or empty when {@code problem} says why there is none
 * @param problem why the row is invalid, or empty when there is a request
 * @param <K> the type of the caller's key
 */
public record BulkItem<K>(long position, K key, Optional<QualificationRequest> request, Optional<String> problem) {

    /**
     * Checks the row.
     *
     * @param position at least 1
     * @param key the caller's key
     * @param request the request, or empty
     * @param problem the problem, or empty; exactly one of {@code request} and {@code problem} is present
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the position is below 1, or not exactly one of request and problem is given
     */
    public BulkItem {
        checkArgument(position >= 1, "positions start at 1, got %s", position);
        checkNotNull(key, "key");
        checkNotNull(request, "request");
        checkNotNull(problem, "problem");
        checkArgument(request.isPresent() != problem.isPresent(), "a row has either a request or a problem");
    }

    /**
     * A row to send.
     *
     * @param position at least 1
     * @param key the caller's key
     * @param request what to send
     * @param <K> the type of the caller's key
     * @return the row
     */
    public static <K> BulkItem<K> of(long position, K key, QualificationRequest request) {
        return new BulkItem<>(position, key, Optional.of(checkNotNull(request, "request")), Optional.empty());
    }

    /**
     * A row the caller found invalid itself (an unreadable customer id, an unknown qualification...): it is
     * reported, in order, as {@link BulkResult.Invalid} with {@code problem}, and nothing is sent.
     *
     * @param position at least 1
     * @param key the caller's key
     * @param problem why the row cannot be sent, for people
     * @param <K> the type of the caller's key
     * @return the row
     */
    public static <K> BulkItem<K> invalid(long position, K key, String problem) {
        return new BulkItem<>(position, key, Optional.empty(), Optional.of(checkNotNull(problem, "problem")));
    }
}
