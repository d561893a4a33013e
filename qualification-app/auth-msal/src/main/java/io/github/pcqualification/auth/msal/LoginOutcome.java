package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.outcome.CredentialProblem;
import java.nio.file.Path;
import java.util.function.Function;

/** What a device-code sign-in gave: who is signed in and where it is kept, or why nobody is. */
public sealed interface LoginOutcome permits LoginOutcome.SignedIn, LoginOutcome.Failed {

    /**
     * One function per outcome, so every caller handles both.
     *
     * @param signedIn for a sign-in kept in the token cache
     * @param failed for a sign-in that did not happen
     * @param <R> the result type
     * @return what the chosen function returned
     */
    <R> R fold(Function<SignedIn, R> signedIn, Function<Failed, R> failed);

    /**
     * Signed in, and kept in the token cache for later runs.
     *
     * @param username the account's user name (such as {@code admin@contoso.onmicrosoft.com}), as the sign-in told
     * @param tenantId the account's home tenant, if the sign-in told it, else empty text
     * @param tokenCache where the sign-in is kept
     */
    record SignedIn(String username, String tenantId, Path tokenCache) implements LoginOutcome {
        /**
         * Checks the fields.
         *
         * @param username who signed in
         * @param tenantId the tenant signed in to
         * @param tokenCache where the sign-in is kept
         */
        public SignedIn {
            checkNotNull(username, "username");
            checkNotNull(tenantId, "tenantId");
            checkNotNull(tokenCache, "tokenCache");
        }

        @Override
        public <R> R fold(Function<SignedIn, R> signedIn, Function<Failed, R> failed) {
            return signedIn.apply(this);
        }
    }

    /**
     * Not signed in (declined, timed out, refused, unreachable, or the cache could not be written).
     *
     * @param problem what went wrong and what to do
     */
    record Failed(CredentialProblem problem) implements LoginOutcome {
        /**
         * Checks the field.
         *
         * @param problem what went wrong and what to do
         */
        public Failed {
            checkNotNull(problem, "problem");
        }

        @Override
        public <R> R fold(Function<SignedIn, R> signedIn, Function<Failed, R> failed) {
            return failed.apply(this);
        }
    }
}
