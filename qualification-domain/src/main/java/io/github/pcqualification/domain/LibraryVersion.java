package io.github.pcqualification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The library's version, as the build stamped it: what the CLI's {@code --version} prints and what the REST
 * adapter's {@code User-Agent} carries.
 */
public final class LibraryVersion {

    private static final String RESOURCE = "library.properties";
    private static final String CURRENT = load();

    private LibraryVersion() {}

    /**
     * The version of this library, such as {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version the build stamped, or {@code unknown} when the classes run without their resource
     */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.contains("${") ? "unknown" : version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's version resource " + RESOURCE, e);
        }
    }
}
