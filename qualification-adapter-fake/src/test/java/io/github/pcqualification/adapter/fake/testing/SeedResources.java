package io.github.pcqualification.adapter.fake.testing;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.SeedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a seed file from the test's class path, as {@code serve-fake --seed} reads one from disk. */
final class SeedResources {

    private SeedResources() {}

    static void apply(InMemoryPartnerCenter fake, String resource, Class<?> testClass) {
        String path = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = testClass.getResourceAsStream(path)) {
            if (in == null) {
                throw PartnerCenterFakeExtension.cannotSeed("seed resource not found on the classpath: " + path, null);
            }
            SeedFile.applyTo(fake, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw PartnerCenterFakeExtension.cannotSeed("seed resource cannot be read: " + path, e);
        } catch (IllegalArgumentException e) {
            throw PartnerCenterFakeExtension.cannotSeed("seed resource " + path + ": " + e.getMessage(), e);
        }
    }
}
