package io.github.pcqualification.cli.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Entra ID's token endpoint on loopback over TLS (a CA made here, a certificate for {@code localhost}), answering
 * every token request with fresh numbered tokens ({@code <prefix>access-1}, {@code <prefix>refresh-1}, ...) unless a
 * test queues other answers. For one test, the JVM's default TLS trust (what MSAL's HTTP client uses) trusts the
 * test CA; it is put back after the test.
 */
public final class LoopbackEntraId implements BeforeEachCallback, AfterEachCallback {

    public static final HeldCertificate TEST_CA = new HeldCertificate.Builder()
            .certificateAuthority(0).commonName("pc-qualification CLI test CA").build();
    private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
            .signedBy(TEST_CA).commonName("localhost").addSubjectAlternativeName("localhost").build();

    private final String prefix;
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final List<MockResponse> queued = new CopyOnWriteArrayList<>();
    private SSLSocketFactory jvmDefault;
    private MockWebServer server;
    private volatile long expiresInSeconds = 3600;

    public LoopbackEntraId(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        jvmDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(
                new HandshakeCertificates.Builder().addTrustedCertificate(TEST_CA.certificate()).build().sslSocketFactory());
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory(), false);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> form = form(request);
                forms.add(form);
                if (!queued.isEmpty()) {
                    return queued.remove(0);
                }
                int n = forms.size();
                return tokens(prefix + "access-" + n, prefix + "refresh-" + n, expiresInSeconds);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefault);
        server.shutdown();
    }

    /** {@code https://localhost:<port>}. */
    public URI authority() {
        return URI.create("https://localhost:" + server.getPort());
    }

    /** The forms of the token requests so far, decoded. */
    public List<Map<String, String>> forms() {
        return List.copyOf(forms);
    }

    /** Answers the next request with {@code response} instead of fresh tokens. */
    public void queue(MockResponse response) {
        queued.add(response);
    }

    public static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBody().clone().readUtf8();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    public static MockResponse tokens(String accessToken, String refreshToken, long expiresIn) {
        return json("{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                + ",\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken + "\"}");
    }

    /** A device-code answer ({@code interval} 0: MSAL polls again at once). */
    public static MockResponse deviceCode(String message) {
        return json("{\"user_code\":\"WXYZ-1234\",\"device_code\":\"device-code-7890\",\"verification_uri\":"
                + "\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":0,\"message\":\"" + message + "\"}");
    }

    /** The tokens of a person's sign-in, with an ID token (unsigned: MSAL reads, never checks it) and client info. */
    public static MockResponse signedIn(String accessToken, String refreshToken, String clientId, String tenant,
            String username) {
        long now = System.currentTimeMillis() / 1000;
        String oid = "00000000-0000-4000-8000-0000000000b0";
        String idToken = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64("{\"aud\":\"" + clientId
                + "\",\"iss\":\"https://localhost/" + tenant + "/v2.0\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"oid\":\"" + oid + "\",\"preferred_username\":\"" + username + "\",\"sub\":\"s\",\"tid\":\""
                + tenant + "\",\"ver\":\"2.0\"}") + ".c2ln";
        return json("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + accessToken
                + "\",\"refresh_token\":\"" + refreshToken + "\",\"id_token\":\"" + idToken + "\",\"client_info\":\""
                + base64("{\"uid\":\"" + oid + "\",\"utid\":\"" + tenant + "\"}") + "\"}");
    }

    public static MockResponse error(int status, String error, String description) {
        return json("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}").setResponseCode(status);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
