package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security: TLS is left to OkHttp's and MSAL's defaults (the JVM's trust store). No main source of any module defines or touches a trust
 * manager, hostname verifier, custom SSL socket factory or "trust all" switch (scanned as text).
 */
class NoTrustAllCodeTest {

    private static final List<String> FORBIDDEN = List.of("x509trustmanager", "trustmanager", "hostnameverifier",
            "trustall", "sslsocketfactory", "sslcontext", "certificatepinner", "insecure", "setdefaulthostnameverifier");

    @Test
    void noMainSource_weakensTls() throws IOException {
        Path root = projectRoot();
        List<Path> sources;
        try (Stream<Path> dirs = Files.walk(root, 4)) {
            sources = dirs.filter(d -> d.endsWith(Path.of("src", "main")) && Files.isDirectory(d))
                    .filter(d -> !root.relativize(d).toString().contains("target"))
                    .collect(Collectors.toList()).stream()
                    .flatMap(NoTrustAllCodeTest::walk)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".properties")
                            || p.toString().endsWith(".kt"))
                    .collect(Collectors.toList());
        }

        List<String> hits = sources.stream()
                .flatMap(p -> FORBIDDEN.stream().filter(word -> read(p).contains(word)).map(word -> root.relativize(p) + ": " + word))
                .collect(Collectors.toList());

        assertThat(sources).as("main sources of every module were scanned")
                .anyMatch(p -> p.endsWith("RestQualificationAdapter.java"))
                .anyMatch(p -> p.endsWith("QualificationCli.java"))
                .anyMatch(p -> p.endsWith("CustomerId.java"))
                .anyMatch(p -> p.endsWith("FakePartnerCenterServer.java"))
                .anyMatch(p -> p.endsWith("SecureApplicationModelTokens.java"));
        assertThat(hits).isEmpty();
    }

    /** The directory of the parent POM: the nearest ancestor holding {@code qualification-domain}. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("qualification-domain"))) {
            dir = dir.getParent();
            assertThat(dir).as("the project root above the working directory").isNotNull();
        }
        return dir;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
