package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/** The checks every token source's builder makes of the settings they share, in one place. */
final class SettingChecks {

    private SettingChecks() {}

    /** How long before expiry a token is renewed: zero to one hour. */
    static Duration renewBefore(Duration renewBefore) {
        checkNotNull(renewBefore, "renewBefore");
        checkArgument(!renewBefore.isNegative() && renewBefore.compareTo(Duration.ofHours(1)) <= 0,
                "renewBefore must be between zero and one hour, got %s", renewBefore);
        return renewBefore;
    }

    /** One scope: visible ASCII, no spaces. */
    static String scope(String scope) {
        checkNotNull(scope, "scope");
        checkArgument(!scope.isBlank() && scope.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                "the scope must be one scope, visible ASCII without spaces");
        return scope;
    }

    /** The bound on one call to the token endpoint: more than zero, at most 10 minutes. */
    static Duration requestTimeout(Duration timeout) {
        checkNotNull(timeout, "requestTimeout");
        checkArgument(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(10)) <= 0,
                "the request timeout must be more than zero and at most 10 minutes, got %s", timeout);
        return timeout;
    }
}
