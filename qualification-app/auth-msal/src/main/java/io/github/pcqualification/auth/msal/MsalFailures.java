package io.github.pcqualification.auth.msal;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.MsalThrottlingException;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one translation table from what MSAL throws to a {@link CredentialProblem}: each kind of failure gets the
 * reason and a message that names what to fix. Every text taken from MSAL or the token endpoint is redacted first
 * ({@link Secrets}), so no secret, refresh token or access token can reach a message.
 */
final class MsalFailures {

    /** Entra ID's own error numbers, such as {@code AADSTS700082} (refresh token expired by inactivity). */
    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d{4,9}");
    private static final int MAX_DETAIL = 300;

    /**
     * What the user should do, worded for the kind of token source.
     *
     * @param invalidGrant said when the refresh token or sign-in is refused
     * @param invalidClient said when the app's credentials are refused
     */
    record Hints(String invalidGrant, String invalidClient) {

        /** For the Secure Application Model and App-only tokens: a platform holds the secret and refresh token. */
        static final Hints CONFIDENTIAL_CLIENT = new Hints(
                "the refresh token was refused (expired, revoked, or issued to another app): sign the partner user in"
                        + " again to get a new one",
                "the client secret or certificate was refused: check the client id and the client secret or certificate"
                        + " (PARTNER_CENTER_CLIENT_ID / PARTNER_CENTER_CLIENT_SECRET)");

        /** For a person signed in with the device code. */
        static Hints signedIn(String signInAgain) {
            return new Hints("the sign-in has expired or was revoked: " + signInAgain,
                    "the app registration was refused: check PARTNER_CENTER_CLIENT_ID (a public client app with"
                            + " \"Allow public client flows\"), then " + signInAgain);
        }
    }

    private MsalFailures() {}

    /**
     * The problem {@code failure} stands for.
     *
     * @param failure what MSAL threw or completed its future with (wrappers are unwrapped)
     * @param authority the authority asked, for the message
     * @param secrets what to cut from any text
     * @param hints what to tell the user for a refused grant or client
     * @return the problem, never holding a secret
     */
    static CredentialProblem of(Throwable failure, URI authority, Secrets secrets, Hints hints) {
        Throwable cause = unwrap(failure);
        String host = Authorities.host(authority);
        if (cause instanceof MsalThrottlingException throttled) {
            return CredentialProblem.of(Reason.TOKEN_ENDPOINT_ERROR, "MSAL holds back requests to the token endpoint "
                    + host + " for " + Math.max(1, throttled.retryInMs() / 1000) + " s after it failed or throttled:"
                    + " try again then");
        }
        if (cause instanceof MsalException msal && "invalid_json".equalsIgnoreCase(msal.errorCode())) {
            return CredentialProblem.of(Reason.TOKEN_ENDPOINT_ERROR, "the token endpoint " + host
                    + " answered something that is not a token response; check the authority"
                    + " (PARTNER_CENTER_AUTHORITY) and any proxy in between");
        }
        if (cause instanceof MsalServiceException service && !isTransport(cause)) {
            return fromService(service, host, secrets, hints);
        }
        Optional<IOException> io = ioCause(cause);
        if (io.isPresent()) {
            return unreachable(host, io.get());
        }
        if (cause instanceof MsalClientException client) {
            return CredentialProblem.of(Reason.SOURCE_FAILED, "MSAL failed" + codeOf(client.errorCode())
                    + ": " + detail(client.getMessage(), secrets));
        }
        return CredentialProblem.of(Reason.SOURCE_FAILED, "the token source failed (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + detail(cause.getMessage(), secrets)) + ")");
    }

    /** No answer within the bound given to the call. */
    static CredentialProblem timeout(URI authority, Duration timeout) {
        return CredentialProblem.of(Reason.ENDPOINT_UNREACHABLE, "the token endpoint " + Authorities.host(authority)
                + " did not answer within " + format(timeout) + "; check the network, a proxy, or the authority"
                + " (PARTNER_CENTER_AUTHORITY)");
    }

    /** The wait was interrupted: the thread is being stopped. */
    static CredentialProblem interrupted(URI authority) {
        return CredentialProblem.of(Reason.ENDPOINT_UNREACHABLE, "interrupted while waiting for the token endpoint "
                + Authorities.host(authority));
    }

    private static CredentialProblem fromService(MsalServiceException service, String host, Secrets secrets,
            Hints hints) {
        String code = Optional.ofNullable(service.errorCode()).map(c -> c.toLowerCase(Locale.ROOT)).orElse("unknown");
        String description = secrets.redact(Optional.ofNullable(service.getMessage()).orElse(""));
        String first = firstSentence(description);
        // The AADSTS number (AADSTS700082: refresh token expired by inactivity) names the fix; say it once.
        Optional<String> aadsts = aadsts(description).filter(a -> !first.contains(a));
        String said = " (" + code + aadsts.map(a -> ", " + a).orElse("") + ")";
        OptionalInt status = Optional.ofNullable(service.statusCode()).map(OptionalInt::of).orElse(OptionalInt.empty());
        switch (code) {
            case "invalid_grant", "interaction_required", "consent_required", "login_required" -> {
                // RFC 6749 section 5.2 answers invalid_grant with 400; MSAL keeps no status for it.
                OptionalInt grantStatus = status.isPresent() ? status : OptionalInt.of(400);
                return new CredentialProblem(Reason.INVALID_GRANT, hints.invalidGrant() + said + first,
                        remote(grantStatus, code, description));
            }
            case "invalid_client" -> {
                return new CredentialProblem(Reason.INVALID_CLIENT, hints.invalidClient() + said + first,
                        remote(status, code, description));
            }
            case "unauthorized_client" -> {
                return new CredentialProblem(Reason.TOKEN_ENDPOINT_ERROR, "the token endpoint " + host
                        + " refused the app" + said + ": check the client id, and that the app registration is consented"
                        + " in the partner tenant and allowed this grant" + first,
                        remote(status, code, description));
            }
            default -> {
                boolean serverSide = status.isPresent() && status.getAsInt() >= 500;
                return new CredentialProblem(Reason.TOKEN_ENDPOINT_ERROR, "the token endpoint " + host
                        + " refused the request" + (status.isPresent() ? " (HTTP " + status.getAsInt() + ", " : " (")
                        + code + aadsts.map(a -> ", " + a).orElse("") + ")"
                        + (serverSide ? "; try again later" : "; see the error code") + first,
                        remote(status, code, description));
            }
        }
    }

    private static CredentialProblem unreachable(String host, IOException cause) {
        String kind = cause.getClass().getSimpleName();
        String tls = cause instanceof SSLException
                ? " (TLS failed: is its certificate trusted by this JVM's trust store? A proxy that re-signs TLS needs"
                        + " its CA in -Djavax.net.ssl.trustStore)"
                : "";
        return CredentialProblem.of(Reason.ENDPOINT_UNREACHABLE, "cannot reach the token endpoint " + host + ": " + kind
                + tls + "; check the network, a proxy, or the authority (PARTNER_CENTER_AUTHORITY)");
    }

    private static Optional<ErrorDetail> remote(OptionalInt status, String code, String description) {
        String shown = Printable.oneLine(description, MAX_DETAIL);
        return Optional.of(new ErrorDetail(status, Optional.of(code), shown.isEmpty() ? code : shown, Optional.empty()));
    }

    /** MSAL wraps a transport failure in a service exception only for managed identity; treat it as transport. */
    private static boolean isTransport(Throwable cause) {
        return ioCause(cause).isPresent() && ((MsalServiceException) cause).statusCode() == null
                && ((MsalServiceException) cause).errorCode() == null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Optional<IOException> ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> aadsts(String text) {
        Matcher matcher = AADSTS.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static String codeOf(String errorCode) {
        return errorCode == null ? "" : " (" + errorCode + ")";
    }

    /** ": " and the description's first sentence, or nothing. */
    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        String first = Printable.oneLine(end < 0 ? description : description.substring(0, end), MAX_DETAIL);
        return first.isEmpty() ? "" : ": " + first;
    }

    /** The message redacted first, then made one bounded line: a cut must never leave half a secret behind. */
    private static String detail(String message, Secrets secrets) {
        return message == null ? "" : Printable.oneLine(secrets.redact(message), MAX_DETAIL);
    }

    static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
