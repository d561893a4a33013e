package io.github.pcqualification.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A token endpoint on loopback over TLS, for one test: MockWebServer with a certificate for {@code localhost} issued
 * by a CA made here. The JVM's default TLS trust (the one MSAL's HTTP client uses, and the one
 * {@code -Djavax.net.ssl.trustStore} sets) is swapped for one that trusts that CA during the test and put back
 * after it, so the production code runs unchanged: no trust manager or socket factory is ever given to it.
 */
final class LoopbackTokenEndpoint implements BeforeEachCallback, AfterEachCallback {

    static final HeldCertificate TEST_CA = new HeldCertificate.Builder()
            .certificateAuthority(0).commonName("pc-qualification test CA").build();
    static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
            .signedBy(TEST_CA).commonName("localhost")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
    /** The same name, issued by a CA nobody trusts. */
    static final HeldCertificate UNTRUSTED_LOCALHOST = new HeldCertificate.Builder()
            .signedBy(new HeldCertificate.Builder().certificateAuthority(0).commonName("untrusted CA").build())
            .commonName("localhost").addSubjectAlternativeName("localhost").build();

    private SSLSocketFactory jvmDefault;
    private MockWebServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        jvmDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(trustingTestCa());
        server = serve(LOCALHOST);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefault);
        server.shutdown();
    }

    /** The JVM's own trust store again (its CA certificates), for a test that proves the test CA is not in it. */
    void useTheJvmTrustStoreOnly() {
        HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefault);
    }

    /** A TLS client trust that holds only the test CA. */
    static SSLSocketFactory trustingTestCa() {
        return new HandshakeCertificates.Builder().addTrustedCertificate(TEST_CA.certificate()).build().sslSocketFactory();
    }

    /** A MockWebServer on 127.0.0.1 over TLS with {@code certificate}. */
    static MockWebServer serve(HeldCertificate certificate) throws IOException {
        MockWebServer server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory(), false);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    MockWebServer server() {
        return server;
    }

    /** {@code https://localhost:<port>}: the authority to give a builder. */
    URI authority() {
        return URI.create("https://localhost:" + server.getPort());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    int requestCount() {
        return server.getRequestCount();
    }

    /** The next request the endpoint got (at most 5 s away: it has already been sent when a test asks). */
    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the token endpoint").isNotNull();
        return request;
    }

    /** The form of a token request, decoded, in the order sent. */
    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBody().clone().readUtf8().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** A token answer as Entra ID gives it; {@code refreshToken} null for none. */
    static MockResponse tokens(String accessToken, String refreshToken, long expiresInSeconds, String scope) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(
                "{\"token_type\":\"Bearer\",\"scope\":\"" + scope + "\",\"expires_in\":" + expiresInSeconds
                        + ",\"ext_expires_in\":" + expiresInSeconds + ",\"access_token\":\"" + accessToken + "\""
                        + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"") + "}");
    }

    /** An OAuth error answer as Entra ID gives it. */
    static MockResponse error(int status, String error, String description) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"error_codes\":[1],"
                        + "\"timestamp\":\"2026-12-04 10:00:00Z\",\"trace_id\":\"8f2c6c1e-0000-4000-8000-000000000001\","
                        + "\"correlation_id\":\"8f2c6c1e-0000-4000-8000-000000000002\"}");
    }
}
