package io.github.pcqualification.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.ITokenCache;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.CredentialProblem.Reason;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a sign-in is kept in, without MSAL in between: what it says about itself, when it refuses to be used,
 * how it is written (owner-only, directory included), what MSAL is handed before and after each cache access, and
 * how a failure to read or write it is reported once.
 */
class TokenCacheFileBehaviourTest {

    private static final TokenCacheFile.Settings SETTINGS = new TokenCacheFile.Settings(
            "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", URI.create("https://login.example.test"), "contoso.com");

    @TempDir
    Path dir;

    /** MSAL's side of a cache access: what it was handed, and what it hands back. */
    static class FakeCache implements ITokenCache {
        final List<String> deserialized = new ArrayList<>();
        String serialized;

        @Override
        public void deserialize(String data) {
            deserialized.add(data);
        }

        @Override
        public String serialize() {
            return serialized;
        }
    }

    static ITokenCacheAccessContext context(FakeCache cache, boolean changed) {
        return new ITokenCacheAccessContext() {
            @Override
            public ITokenCache tokenCache() {
                return cache;
            }

            @Override
            public String clientId() {
                return SETTINGS.clientId();
            }

            @Override
            public IAccount account() {
                return null;
            }

            @Override
            public boolean hasCacheChanged() {
                return changed;
            }
        };
    }

    @Test
    void aMissingFile_doesNotExist_isNotUnsafe_andRemovingItSaysThereWasNone() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("none.json"));

        assertThat(file.exists()).isFalse();
        assertThat(file.unsafe()).isEmpty();
        assertThat(file.remove()).isFalse();
        assertThat(file.settings()).isEmpty();
        assertThat(file.takeFailure()).isEmpty();
    }

    @Test
    void aWrittenFile_exists_isOwnerOnly_inAnOwnerOnlyDirectory_andRemovingItSaysSo() throws IOException {
        Path path = dir.resolve("new-dir").resolve("cache.json");
        TokenCacheFile file = TokenCacheFile.at(path);

        file.write(SETTINGS, "{\"AccessToken\":{}}");

        assertThat(file.exists()).isTrue();
        assertThat(file.unsafe()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        assertThat(file.settings()).hasValue(SETTINGS);
        assertThat(file.remove()).isTrue();
        assertThat(path).doesNotExist();
    }

    @Test
    void anEmptyOrBlankMsalCache_isWrittenAsAnEmptyObject() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("c.json"));

        file.write(SETTINGS, " ");

        assertThat(Files.readString(file.path())).contains("\"msal\":{}");
        file.write(SETTINGS, null);
        assertThat(Files.readString(file.path())).contains("\"msal\":{}").contains("\"tenant\":\"contoso.com\"");
    }

    @Test
    void itsPath_isAbsoluteAndNormal_andToStringNamesIt() {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("a").resolve("..").resolve("c.json"));

        assertThat(file.path()).isEqualTo(dir.resolve("c.json"));
        assertThat(file).hasToString("TokenCacheFile[" + dir.resolve("c.json") + "]");
    }

    @Test
    void aDirectoryInItsPlace_isNotARegularFile_andIsRefused() throws IOException {
        Path path = Files.createDirectory(dir.resolve("cache.json"));

        Optional<CredentialProblem> unsafe = TokenCacheFile.at(path).unsafe();

        assertThat(unsafe).hasValueSatisfying(problem -> {
            assertThat(problem.reason()).isEqualTo(Reason.SOURCE_FAILED);
            assertThat(problem.message()).isEqualTo("the token cache " + path
                    + " is not a regular file: remove it and sign in again");
        });
    }

    @Test
    void aFileTheGroupCanRead_isRefused_showingItsPermissions() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("c.json"));
        file.write(SETTINGS, "{}");
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r-----"));

        assertThat(file.unsafe()).hasValueSatisfying(problem -> assertThat(problem.message())
                .startsWith("the token cache " + file.path() + " can be used by others (rw-r-----)")
                .endsWith("it was not used"));
    }

    @Test
    void aFileThatCannotBeRead_givesNoSettings_andItsFailureIsToldOnce() throws IOException {
        Path path = Files.createDirectory(dir.resolve("cache.json"));
        TokenCacheFile file = TokenCacheFile.at(path);

        assertThat(file.settings()).isEmpty();
        assertThat(file.takeFailure()).hasValue("the token cache " + path + " could not be read (IOException)");
        assertThat(file.takeFailure()).as("told once").isEmpty();
    }

    @Test
    void settingsThatAreIncompleteOrInvalid_areNoSignIn() throws IOException {
        Path path = dir.resolve("c.json");
        TokenCacheFile file = TokenCacheFile.at(path);

        Files.writeString(path, "{\"format\":\"pc-qualification-token-cache/1\",\"clientId\":\"abc\",\"authority\":"
                + "\"https://login.example.test\"}");
        assertThat(file.settings()).as("no tenant").isEmpty();
        Files.writeString(path, "{\"format\":\"pc-qualification-token-cache/1\",\"clientId\":\"abc\",\"authority\":"
                + "\"http://login.example.test\",\"tenant\":\"t\"}");
        assertThat(file.settings()).as("not https").isEmpty();
        Files.writeString(path, "{\"format\":\"other/1\",\"clientId\":\"abc\",\"authority\":"
                + "\"https://login.example.test\",\"tenant\":\"t\"}");
        assertThat(file.settings()).as("another format").isEmpty();
        Files.writeString(path, "not json");
        assertThat(file.settings()).isEmpty();
        assertThat(file.takeFailure()).as("text that is not JSON is no sign-in, not a failure").isEmpty();
    }

    @Test
    void beforeEachAccess_msalIsHandedTheKeptCache_unlessTheSignInIsFresh() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("c.json"));
        file.write(SETTINGS, "{\"RefreshToken\":{\"k\":{\"secret\":\"rt-123456\"}}}");
        FakeCache cache = new FakeCache();

        file.aspect(SETTINGS, false).beforeCacheAccess(context(cache, false));
        file.aspect(SETTINGS, true).beforeCacheAccess(context(cache, false));

        assertThat(cache.deserialized).hasSize(1);
        assertThat(MsalCacheJson.refreshTokens(cache.deserialized.get(0))).containsExactly("rt-123456");
    }

    @Test
    void beforeEachAccess_anUnsafeFileIsNotRead() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("c.json"));
        file.write(SETTINGS, "{\"RefreshToken\":{}}");
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-rw-rw-"));
        FakeCache cache = new FakeCache();

        file.aspect(SETTINGS, false).beforeCacheAccess(context(cache, false));

        assertThat(cache.deserialized).isEmpty();
    }

    @Test
    void beforeEachAccess_aCacheMsalCannotRead_isToldOnce() throws IOException {
        TokenCacheFile file = TokenCacheFile.at(dir.resolve("c.json"));
        file.write(SETTINGS, "{\"RefreshToken\":{}}");
        FakeCache refusing = new FakeCache() {
            @Override
            public void deserialize(String data) {
                throw new IllegalStateException("corrupt");
            }
        };

        file.aspect(SETTINGS, false).beforeCacheAccess(context(refusing, false));

        assertThat(file.takeFailure()).hasValue("the token cache " + file.path()
                + " could not be read (IllegalStateException)");
    }

    @Test
    void afterAnAccessThatChangedTheCache_theFileIsWritten_andNotOtherwise() throws IOException {
        Path path = dir.resolve("c.json");
        TokenCacheFile file = TokenCacheFile.at(path);
        FakeCache cache = new FakeCache();
        cache.serialized = "{\"RefreshToken\":{\"k\":{\"secret\":\"rt-abcdef\"}}}";
        ITokenCacheAccessAspect aspect = file.aspect(SETTINGS, true);

        aspect.afterCacheAccess(context(cache, false));
        assertThat(path).doesNotExist();
        aspect.afterCacheAccess(context(cache, true));

        assertThat(Files.readString(path)).contains("rt-abcdef");
        assertThat(file.settings()).hasValue(SETTINGS);
        assertThat(file.takeFailure()).isEmpty();
    }

    @Test
    void aFailedWrite_isToldOnce_namingTheFileAndTheCause() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        TokenCacheFile file = TokenCacheFile.at(blocker.resolve("c.json"));
        FakeCache cache = new FakeCache();
        cache.serialized = "{}";

        file.aspect(SETTINGS, true).afterCacheAccess(context(cache, true));

        assertThat(file.takeFailure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("the token cache " + file.path() + " could not be written (FileAlreadyExistsException: "));
    }

    @Test
    void blankVariables_areNotPlaces() {
        assertThat(TokenCacheFile.defaultPath(Map.of("XDG_CONFIG_HOME", " ", "HOME", "/h")))
                .hasValue(Path.of("/h", ".config", "pc-qualification", "token-cache.json"));
        assertThat(TokenCacheFile.defaultPath(Map.of("HOME", "", "APPDATA", "/a")))
                .hasValue(Path.of("/a", "pc-qualification", "token-cache.json"));
    }
}
