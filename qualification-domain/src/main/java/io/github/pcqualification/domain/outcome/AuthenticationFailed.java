package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.OperationContext;
import java.util.function.Function;

/**
 * No request could be authorised: no usable token could be had, an App-only token was offered for an update, or
 * Partner Center refused the token ({@code 401}) also after it was renewed once. Not a verdict on the request:
 * the same request may succeed once the credentials are fixed, so a bulk job stops sending and keeps the row for
 * a rerun. {@code attempts} is how many requests were sent (0 when the problem was found before sending).
 *
 * @param problem what is wrong and what to fix
 * @param attempts requests sent for the operation
 * @param context the operation's ids
 */
public record AuthenticationFailed(CredentialProblem problem, int attempts, OperationContext context)
        implements Failure {

    /**
     * Checks the fields.
     *
     * @param problem what is wrong and what to fix
     * @param attempts requests sent for the operation
     * @param context the operation's ids
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public AuthenticationFailed {
        checkNotNull(problem, "problem");
        checkArgument(attempts >= 0, "attempts must not be negative");
        checkNotNull(context, "context");
    }

    /**
     * The same failure, counting {@code attempts} requests for the whole operation.
     *
     * @param attempts the requests sent for the operation; not negative
     * @return a copy with that count
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public AuthenticationFailed withAttempts(int attempts) {
        return new AuthenticationFailed(problem, attempts, context);
    }

    @Override
    public String message() {
        return "authentication failed: " + problem.message()
                + problem.remote().map(r -> " (" + r.summary() + ")").orElse("");
    }

    @Override
    public <R> R foldFailure(Function<? super InvalidRequest, ? extends R> invalid,
            Function<? super Rejected, ? extends R> rejected,
            Function<? super NotFound, ? extends R> notFound,
            Function<? super Unavailable, ? extends R> unavailable,
            Function<? super AuthenticationFailed, ? extends R> authenticationFailed) {
        checkNotNull(invalid, "invalid");
        checkNotNull(rejected, "rejected");
        checkNotNull(notFound, "notFound");
        checkNotNull(unavailable, "unavailable");
        checkNotNull(authenticationFailed, "authenticationFailed");
        return authenticationFailed.apply(this);
    }
}
