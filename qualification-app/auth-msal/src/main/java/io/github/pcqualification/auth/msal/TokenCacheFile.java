package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.azure.json.JsonProviders;
import com.azure.json.JsonWriter;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file a person's sign-in is kept in: MSAL's token cache (refresh token, access token, account) and what the
 * sign-in used (client id, authority, tenant), so later runs can take tokens silently.
 *
 * <p>It holds a refresh token, so only its owner may read it: it is created with the permissions {@code rw-------}
 * from the start (a temporary file in the same directory, created with those permissions and moved into place
 * atomically, so no reader ever sees a half-written or a readable file), its directory with {@code rwx------}, and a
 * file that group or others can read or write is refused ({@link #unsafe()}). On a file system without POSIX
 * permissions (Windows) the file is kept in the user's profile, whose access list already keeps others out.
 */
public final class TokenCacheFile {

    /** The directory under the user's configuration directory. */
    public static final String DIRECTORY = "pc-qualification";
    /** The file's name. */
    public static final String FILE_NAME = "token-cache.json";

    private static final String FORMAT = "pc-qualification-token-cache/1";
    private static final Set<PosixFilePermission> OWNER_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /** What a sign-in used, kept beside MSAL's cache. */
    record Settings(String clientId, URI authority, String tenant) {}

    private final Path path;
    /** The last failure to read or write the file from inside MSAL (which cannot be told); cleared when read. */
    private volatile String lastFailure;

    private TokenCacheFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /**
     * The cache file at {@code path} (which need not exist yet).
     *
     * @param path where the file is (or will be)
     * @return the file
     */
    public static TokenCacheFile at(Path path) {
        return new TokenCacheFile(checkNotNull(path, "path"));
    }

    /**
     * Where the file goes by default: {@code $XDG_CONFIG_HOME/pc-qualification/token-cache.json}, else
     * {@code $HOME/.config/pc-qualification/token-cache.json}, else (Windows)
     * {@code %APPDATA%\pc-qualification\token-cache.json}.
     *
     * @param environment the process environment
     * @return the path, or empty when none of these variables is set
     */
    public static Optional<Path> defaultPath(Map<String, String> environment) {
        checkNotNull(environment, "environment");
        return nonBlank(environment.get("XDG_CONFIG_HOME")).map(Path::of)
                .or(() -> nonBlank(environment.get("HOME")).map(home -> Path.of(home, ".config")))
                .or(() -> nonBlank(environment.get("APPDATA")).map(Path::of))
                .map(dir -> dir.resolve(DIRECTORY).resolve(FILE_NAME));
    }

    /**
     * Where the sign-in is kept.
     *
     * @return the file's path
     */
    public Path path() {
        return path;
    }

    /**
     * Whether a sign-in was kept here.
     *
     * @return true if the file exists
     */
    public boolean exists() {
        return Files.exists(path);
    }

    /**
     * Why the file must not be used, if it must not: it is not a regular file, or group or others may read or
     * write it.
     *
     * @return the problem (naming the fix), or empty when the file is missing or only its owner can use it
     */
    public Optional<CredentialProblem> unsafe() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of(CredentialProblem.of(Reason.SOURCE_FAILED, "the token cache " + path
                    + " is not a regular file: remove it and sign in again"));
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix == null) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (!OWNER_FILE.containsAll(permissions)) {
                return Optional.of(CredentialProblem.of(Reason.SOURCE_FAILED, "the token cache " + path
                        + " can be used by others (" + PosixFilePermissions.toString(permissions) + ") and it holds"
                        + " a refresh token: remove it and sign in again (or chmod 600 it if nobody else could have"
                        + " read it); it was not used"));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(cannot("read", e));
        }
    }

    /**
     * Removes the file (signing out).
     *
     * @return true if there was one
     * @throws IOException if it exists but cannot be removed
     */
    public boolean remove() throws IOException {
        return Files.deleteIfExists(path);
    }

    @Override
    public String toString() {
        return "TokenCacheFile[" + path + "]";
    }

    /** What the sign-in kept here used, or empty when there is no (readable) sign-in. */
    Optional<Settings> settings() {
        Map<String, Object> root = read();
        if (!FORMAT.equals(root.get("format")) || !(root.get("clientId") instanceof String clientId)
                || !(root.get("authority") instanceof String authority) || !(root.get("tenant") instanceof String tenant)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Settings(Authorities.checkClientId(clientId), Authorities.check(URI.create(authority)),
                    Authorities.checkTenant(tenant)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * MSAL's view of this file: read before each cache access (unless {@code fresh}: a new sign-in starts empty),
     * written after each change, with {@code settings} beside MSAL's cache.
     */
    ITokenCacheAccessAspect aspect(Settings settings, boolean fresh) {
        return new ITokenCacheAccessAspect() {
            @Override
            public void beforeCacheAccess(ITokenCacheAccessContext context) {
                if (fresh || unsafe().isPresent()) {
                    return;
                }
                Object msal = read().get("msal");
                if (msal instanceof Map<?, ?> cache) {
                    try {
                        context.tokenCache().deserialize(toJson(cache));
                    } catch (RuntimeException e) {
                        lastFailure = "the token cache " + path + " could not be read (" + e.getClass().getSimpleName() + ")";
                    }
                }
            }

            @Override
            public void afterCacheAccess(ITokenCacheAccessContext context) {
                if (context.hasCacheChanged()) {
                    try {
                        write(settings, context.tokenCache().serialize());
                    } catch (IOException | RuntimeException e) {
                        lastFailure = "the token cache " + path + " could not be written (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                    }
                }
            }
        };
    }

    /** The last failure to read or write the file while MSAL used it, once. */
    Optional<String> takeFailure() {
        String failure = lastFailure;
        lastFailure = null;
        return Optional.ofNullable(failure);
    }

    private Map<String, Object> read() {
        try {
            return MsalCacheJson.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | UncheckedIOException e) {
            lastFailure = "the token cache " + path + " could not be read (" + e.getClass().getSimpleName() + ")";
            return Map.of();
        }
    }

    /** Writes the whole file anew: a temporary file only the owner can read, moved over the old one atomically. */
    void write(Settings settings, String msalCache) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonWriter json = JsonProviders.createWriter(text)) {
            json.writeStartObject()
                    .writeStringField("format", FORMAT)
                    .writeStringField("clientId", settings.clientId())
                    .writeStringField("authority", settings.authority().toString())
                    .writeStringField("tenant", settings.tenant())
                    .writeRawField("msal", msalCache == null || msalCache.isBlank() ? "{}" : msalCache)
                    .writeEndObject()
                    .flush();
        }
        Path directory = path.getParent();
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
        Path temporary = posix
                ? Files.createTempFile(directory, ".token-cache-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, ".token-cache-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(text.toString()));
                channel.force(true);
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private CredentialProblem cannot(String what, IOException e) {
        return CredentialProblem.of(Reason.SOURCE_FAILED, "the token cache " + path + " could not be " + what + " ("
                + e.getClass().getSimpleName() + "): check the file and its directory, or sign in again");
    }

    private static String toJson(Map<?, ?> value) {
        StringWriter text = new StringWriter();
        try (JsonWriter json = JsonProviders.createWriter(text)) {
            json.writeUntyped(value).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
