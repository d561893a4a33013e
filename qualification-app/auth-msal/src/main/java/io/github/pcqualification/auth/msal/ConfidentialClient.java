package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An app registration that proves itself with a client secret or a certificate (MSAL's confidential client), as the
 * two confidential sources here configure it. MSAL's own HTTP client is used as it is: it trusts the JVM's default
 * trust store ({@code -Djavax.net.ssl.trustStore} works), and every call is bounded by {@link #requestTimeout}.
 */
final class ConfidentialClient {

    final URI authority;
    final String tenantId;
    final String clientId;
    final Duration requestTimeout;
    private final IClientCredential credential;
    private final String credentialName;

    private ConfidentialClient(Settings settings, IClientCredential credential, String credentialName) {
        this.authority = settings.authority;
        this.tenantId = settings.tenantId;
        this.clientId = settings.clientId;
        this.requestTimeout = settings.requestTimeout;
        this.credential = credential;
        this.credentialName = credentialName;
    }

    /** A new MSAL application (no network until it is asked for a token); its token cache starts empty. */
    ConfidentialClientApplication newApplication() throws MalformedURLException {
        ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(clientId, credential)
                .authority(Authorities.forMsal(authority, tenantId))
                .executorService(MsalCalls.EXECUTOR)
                .connectTimeoutForDefaultHttpClient(MsalCalls.millis(requestTimeout))
                .readTimeoutForDefaultHttpClient(MsalCalls.millis(requestTimeout));
        if (!Authorities.isMicrosoftHost(authority)) {
            // A host MSAL does not know (a proxy, a test endpoint) is used as given, never looked up at Microsoft.
            builder.instanceDiscovery(false).validateAuthority(false);
        }
        return builder.build();
    }

    /** For {@code toString}: everything but the credential's secret part. */
    String describe() {
        return "authority=" + authority + ", tenantId=" + tenantId + ", clientId=" + clientId + ", credential="
                + credentialName;
    }

    /** What the public builders collect; checked as it is given, and once more when built. */
    static final class Settings {
        private URI authority = Authorities.DEFAULT;
        private String tenantId;
        private String clientId;
        private String clientSecret;
        private PrivateKey key;
        private X509Certificate certificate;
        private Duration requestTimeout = Duration.ofSeconds(30);

        void authority(URI authority) {
            this.authority = Authorities.check(authority);
        }

        void tenantId(String tenantId) {
            this.tenantId = Authorities.checkTenant(tenantId);
        }

        void clientId(String clientId) {
            this.clientId = Authorities.checkClientId(clientId);
        }

        void clientSecret(String clientSecret, Secrets secrets) {
            checkNotNull(clientSecret, "clientSecret");
            checkArgument(!clientSecret.isBlank(), "the client secret must not be blank");
            this.clientSecret = clientSecret;
            secrets.add(clientSecret);
        }

        void certificate(PrivateKey key, X509Certificate certificate) {
            this.key = checkNotNull(key, "key");
            this.certificate = checkNotNull(certificate, "certificate");
        }

        void requestTimeout(Duration timeout) {
            this.requestTimeout = SettingChecks.requestTimeout(timeout);
        }

        /** @throws IllegalStateException naming every missing setting (and {@code alsoMissing}), or both credentials */
        ConfidentialClient build(String what, List<String> alsoMissing) {
            List<String> missing = new ArrayList<>();
            if (tenantId == null) {
                missing.add("tenantId");
            }
            if (clientId == null) {
                missing.add("clientId");
            }
            if (clientSecret == null && key == null) {
                missing.add("clientSecret or certificate");
            }
            missing.addAll(alsoMissing);
            checkState(missing.isEmpty(), "%s needs %s", what, String.join(", ", missing));
            checkState(clientSecret == null || key == null, "%s takes a client secret or a certificate, not both", what);
            return clientSecret != null
                    ? new ConfidentialClient(this, ClientCredentialFactory.createFromSecret(clientSecret),
                            "client secret <redacted>")
                    : new ConfidentialClient(this, ClientCredentialFactory.createFromCertificate(key, certificate),
                            "certificate " + certificate.getSubjectX500Principal().getName());
        }
    }
}
