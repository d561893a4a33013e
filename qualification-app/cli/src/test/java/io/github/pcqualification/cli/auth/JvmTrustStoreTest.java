package io.github.pcqualification.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool trusts what the JVM's trust store trusts, and only that: in a child JVM started with
 * {@code -Djavax.net.ssl.trustStore} holding the test CA (and nothing set in code), the Secure Application Model
 * variables get a token from the loopback token endpoint over TLS and the request to Partner Center carries it.
 */
class JvmTrustStoreTest {

    private static final String MAIN = "io.github.pcqualification.cli.QualificationCli";

    @RegisterExtension
    final LoopbackEntraId entraId = new LoopbackEntraId("child-");

    @TempDir
    Path dir;

    @Test
    void aTrustStoreGivenOnTheCommandLine_isTheOneMsalUses() throws Exception {
        Path trustStore = trustStoreWithTheTestCa();
        MockWebServer partnerCenter = new MockWebServer();
        partnerCenter.start(InetAddress.getLoopbackAddress(), 0);
        partnerCenter.enqueue(new MockResponse().setBody("\"education\""));
        Process child = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
                    "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-cp", System.getProperty("java.class.path"), MAIN,
                    "--base-url", "http://127.0.0.1:" + partnerCenter.getPort(),
                    "get", "--customer", DemoData.FRESH_CUSTOMER.toString()))
                    .redirectOutput(dir.resolve("out").toFile())
                    .redirectError(dir.resolve("err").toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("PARTNER_CENTER_"));
            environment.putAll(Map.of("PARTNER_CENTER_TENANT_ID", "contoso.onmicrosoft.com",
                    "PARTNER_CENTER_CLIENT_ID", "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                    "PARTNER_CENTER_CLIENT_SECRET", "child-secret-value",
                    "PARTNER_CENTER_REFRESH_TOKEN", "child-refresh-0",
                    "PARTNER_CENTER_AUTHORITY", entraId.authority().toString()));
            child = builder.start();

            boolean exited = child.waitFor(60, TimeUnit.SECONDS);

            String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
            assertThat(exited).as("the child ended within 60 s; stderr: %s", err).isTrue();
            assertThat(child.exitValue()).as(err).isZero();
            assertThat(Files.readString(dir.resolve("out"), StandardCharsets.UTF_8)).contains(": Education");
            assertThat(entraId.forms()).singleElement()
                    .satisfies(form -> assertThat(form).containsEntry("refresh_token", "child-refresh-0"));
            assertThat(partnerCenter.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                    .isEqualTo("Bearer child-access-1");
            assertThat(err + Files.readString(dir.resolve("out"))).doesNotContain("child-secret-value", "child-refresh",
                    "child-access");
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            partnerCenter.shutdown();
        }
    }

    private Path trustStoreWithTheTestCa() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("pc-qualification-test-ca", LoopbackEntraId.TEST_CA.certificate());
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
