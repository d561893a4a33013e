package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code bin/qualification}, run by {@code /bin/sh} against a stub {@code java} that
 * prints the arguments it was given (NUL-separated) and plays the JVM's part in making the class-data
 * archive: the flags, pass-through of every argument, the override order, the errors, and the archive's
 * life cycle, without starting a JVM. About a second.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."), "bin", "qualification")
            .toAbsolutePath().normalize();

    /** A stand-in for the JVM: records its arguments, writes a class list or an archive when asked. */
    private static final String STUB_JAVA = """
            #!/bin/sh
            dump=
            for a in "$@"; do
                case $a in
                    -XX:DumpLoadedClassList=*) printf 'java/lang/Object id: 1\\n' > "${a#*=}" ;;
                    -XX:SharedArchiveFile=*) archive=${a#*=} ;;
                    -Xshare:dump) dump=1 ;;
                esac
            done
            if [ -n "$dump" ]; then
                [ -n "${STUB_DUMP_FAILS-}" ] && exit 1
                printf 'archive' > "$archive"
                exit 0
            fi
            printf '%s\\0' "$@"
            exit "${STUB_EXIT:-0}"
            """;

    private static final String DEMO = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path temp;

    private Path javaHome;
    private Path jar;
    private Path cache;
    private final Map<String, String> env = new HashMap<>();

    record Run(int exitCode, List<String> javaArgs, String out, String err) {

        /** The JVM options: everything before {@code -jar}. */
        List<String> jvmOptions() {
            return javaArgs.subList(0, javaArgs.indexOf("-jar"));
        }

        /** What the tool itself was given: everything after {@code -jar JAR}. */
        List<String> toolArgs() {
            return javaArgs.subList(javaArgs.indexOf("-jar") + 2, javaArgs.size());
        }

        String option(String prefix) {
            return jvmOptions().stream().filter(o -> o.startsWith(prefix)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void stubJavaAndJar() throws IOException {
        javaHome = temp.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Files.createDirectories(javaHome.resolve("lib"));
        Files.writeString(javaHome.resolve("lib/modules"), "jdk 17");
        executable(javaHome.resolve("bin/java"), STUB_JAVA);
        jar = temp.resolve("build/qualification-app.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        cache = temp.resolve("cache");
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", temp.resolve("home").toString());
        env.put("JAVA_HOME", javaHome.toString());
        env.put("QUALIFICATION_JAR", jar.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
    }

    /** A background dump still writing into the temporary directory would break its deletion. */
    @AfterEach
    void awaitBackgroundDumps() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!locks().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    @Test
    void theScriptIsExecutable() {
        assertThat(Files.isExecutable(SCRIPT)).as("%s is executable (git update-index --chmod=+x)", SCRIPT).isTrue();
    }

    @Test
    void aShortCommand_getsTheShortLivedToolFlags_thenTheJar_thenItsArguments() throws Exception {
        Run run = run("update", "--customer", DEMO, "--qualification", "Education");

        assertThat(run.exitCode()).isZero();
        assertThat(run.jvmOptions()).contains("-Xshare:auto", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xms64m", "-Xmx1g", "-Xlog:disable", "-Xlog:all=warning:stderr");
        assertThat(run.javaArgs().get(run.javaArgs().indexOf("-jar") + 1)).isEqualTo(jar.toRealPath().toString());
        assertThat(run.toolArgs()).containsExactly("update", "--customer", DEMO, "--qualification", "Education");
    }

    @Test
    void bulkAndServeFake_keepTheOptimisingCompiler() throws Exception {
        assertThat(run("bulk", "--input", "in.csv", "--output", "out.csv").jvmOptions())
                .contains("-XX:+UseSerialGC", "-Xmx1g").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(run("--json", "serve-fake", "--ttl", "5").jvmOptions()).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(run("--application-name", "bulk", "get", "--customer", DEMO).jvmOptions())
                .as("the value of a global option is not the command").contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void everyArgument_reachesTheToolUnchanged() throws Exception {
        String[] tricky = {"update", "a b", "", "  ", "it's", "say \"hi\"", "$HOME", "${PATH}", "`id`", "$(id)", "*",
            "-Xmx9g", "--", "back\\slash", "two\nlines", "tab\there", "ünïcødé", ";", "|", "&&", "-"};

        Run run = run(tricky);

        assertThat(run.exitCode()).isZero();
        assertThat(run.toolArgs()).containsExactly(tricky);
        assertThat(run.jvmOptions()).doesNotContain("-Xmx9g");
    }

    @Test
    void javaOpts_thenQualificationJavaOpts_comeAfterTheDefaults_soTheyWin() throws Exception {
        env.put("JAVA_OPTS", "-Xmx2g  -Dfrom=java_opts");
        env.put("QUALIFICATION_JAVA_OPTS", "-Xmx3g -Dglob=*");

        List<String> options = run("codes").jvmOptions();

        assertThat(options).containsSubsequence("-Xmx1g", "-Xmx2g", "-Dfrom=java_opts", "-Xmx3g", "-Dglob=*");
        assertThat(options.get(options.size() - 1)).isEqualTo("-Dglob=*");
    }

    @Test
    void theToolsExitCode_isTheLaunchersExitCode() throws Exception {
        env.put("STUB_EXIT", "3");

        assertThat(run("get", "--customer", DEMO).exitCode()).as("first run, making the class list").isEqualTo(3);
        awaitArchive();
        assertThat(run("get", "--customer", DEMO).exitCode()).as("with the archive").isEqualTo(3);
        assertThat(run("bulk").exitCode()).as("exec'd").isEqualTo(3);
    }

    @Test
    void aMissingJar_isOneLineOnStderr_andExitCode2() throws Exception {
        env.put("QUALIFICATION_JAR", temp.resolve("nowhere/qualification-app.jar").toString());

        Run run = run("codes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("qualification: no jar at " + temp.resolve("nowhere/qualification-app.jar"))
                .contains("QUALIFICATION_JAR").hasLineCount(1);
    }

    @Test
    void aJavaHomeWithoutJava_isOneLineOnStderr_andExitCode2() throws Exception {
        env.put("JAVA_HOME", temp.resolve("no-jdk").toString());

        Run run = run("codes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("qualification: JAVA_HOME is " + temp.resolve("no-jdk")).hasLineCount(1);
    }

    @Test
    void noJavaHome_andNoJavaOnThePath_isOneLineOnStderr_andExitCode2() throws Exception {
        env.remove("JAVA_HOME");
        Path emptyBin = Files.createDirectories(temp.resolve("empty-bin"));
        env.put("PATH", emptyBin.toString());

        Run run = run("codes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("qualification: no java on the PATH: install Java 17+ or set JAVA_HOME\n");
    }

    @Test
    void withoutQualificationJar_theJarIsFoundFromTheScriptsRealLocation_throughSymlinks() throws Exception {
        Path install = temp.resolve("checkout/qualification-app");
        Files.createDirectories(install.resolve("cli/bin"));
        Files.createDirectories(install.resolve("target"));
        Path script = install.resolve("cli/bin/qualification");
        Files.copy(SCRIPT, script);
        script.toFile().setExecutable(true);
        Path realJar = Files.writeString(install.resolve("target/qualification-app.jar"), "jar");
        Path links = Files.createDirectories(temp.resolve("home/.local/bin"));
        Path middle = Files.createSymbolicLink(temp.resolve("home/qualification-link"), script);
        Path link = Files.createSymbolicLink(links.resolve("qualification"), Path.of("../../qualification-link"));
        env.remove("QUALIFICATION_JAR");

        Run run = runScript(link, "codes");

        assertThat(run.exitCode()).isZero();
        assertThat(run.javaArgs()).containsSubsequence("-jar", realJar.toRealPath().toString(), "codes");
        assertThat(middle).isSymbolicLink();
    }

    @Test
    void theFirstShortCommand_listsItsClasses_thenTheArchiveIsUsed() throws Exception {
        Run first = run("update", "--customer", DEMO, "--qualification", "Education");
        assertThat(first.option("-XX:DumpLoadedClassList=")).startsWith("-XX:DumpLoadedClassList=" + cache);
        assertThat(first.option("-XX:SharedArchiveFile=")).isNull();

        Path archive = awaitArchive();

        Run second = run("update", "--customer", DEMO, "--qualification", "Education");
        assertThat(second.option("-XX:SharedArchiveFile=")).isEqualTo("-XX:SharedArchiveFile=" + archive);
        assertThat(second.option("-XX:DumpLoadedClassList=")).isNull();
        assertThat(archive.getFileName().toString()).startsWith("qualification-embedded-").endsWith(".jsa");
        assertThat(archive.getParent()).isEqualTo(cache.resolve("pc-qualification"));
        try (Stream<Path> left = Files.list(archive.getParent())) {
            assertThat(left).as("no class list, lock or temporary file is left").containsExactly(archive);
        }
    }

    @Test
    void aRemoteRun_hasItsOwnArchive() throws Exception {
        env.put("PARTNER_CENTER_TOKEN", "t");
        run("codes");
        Path embedded = awaitArchive();

        Run remote = run("codes", "--base-url", "https://api.partnercenter.microsoft.com");

        assertThat(remote.option("-XX:SharedArchiveFile=")).isNull();
        assertThat(remote.option("-XX:DumpLoadedClassList=")).isNotNull();
        assertThat(awaitArchives(2)).contains(embedded)
                .anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("qualification-remote-"));
    }

    @Test
    void aRebuiltJar_orAnotherJdk_neverUsesTheOldArchive_andTheStaleOneIsRemoved() throws Exception {
        run("codes");
        Path old = awaitArchive();

        Files.writeString(jar, "rebuilt, a different size");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        Run afterRebuild = run("codes");
        assertThat(afterRebuild.option("-XX:SharedArchiveFile=")).isNull();
        Path rebuilt = awaitArchiveOtherThan(old);
        assertThat(old).as("the old build's archive is removed").doesNotExist();

        Files.writeString(javaHome.resolve("lib/modules"), "jdk 17.0.99, updated in place");
        Files.setLastModifiedTime(javaHome.resolve("lib/modules"), FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(run("codes").option("-XX:SharedArchiveFile=")).isNull();
        assertThat(awaitArchiveOtherThan(rebuilt)).isNotEqualTo(rebuilt);
    }

    @Test
    void anUnwritableCacheDirectory_meansNoArchive_andTheCommandStillRuns() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("cache-is-a-file"), "");
        env.put("XDG_CACHE_HOME", notADirectory.toString());   // a file: even root cannot create a directory in it

        Run run = run("update", "--customer", DEMO, "--qualification", "Education");

        assertThat(run.exitCode()).isZero();
        assertThat(run.option("-XX:DumpLoadedClassList=")).isNull();
        assertThat(run.option("-XX:SharedArchiveFile=")).isNull();
        assertThat(run.jvmOptions()).contains("-Xshare:auto", "-XX:+UseSerialGC");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aReadOnlyCacheDirectory_meansNoArchive_andTheCommandStillRuns() throws Exception {
        Path readOnly = Files.createDirectories(cache.resolve("pc-qualification"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Run run = run("codes");

            assertThat(run.exitCode()).isZero();
            if (!Files.isWritable(readOnly)) {   // root may write anyway; then it simply makes the archive
                assertThat(run.option("-XX:DumpLoadedClassList=")).isNull();
            }
            assertThat(run.option("-XX:SharedArchiveFile=")).isNull();
            assertThat(run.err()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailedDump_leavesNoArchive_andNothingBehind() throws Exception {
        env.put("STUB_DUMP_FAILS", "1");

        assertThat(run("codes").exitCode()).isZero();

        Path dir = cache.resolve("pc-qualification");
        awaitEmpty(dir);
        assertThat(run("codes").option("-XX:DumpLoadedClassList=")).as("the next short command tries again").isNotNull();
    }

    @Test
    void helpAndNoArguments_doNotMakeTheArchive() throws Exception {
        assertThat(run("update", "--help").option("-XX:DumpLoadedClassList=")).isNull();
        assertThat(run("-V").option("-XX:DumpLoadedClassList=")).isNull();
        assertThat(run().option("-XX:DumpLoadedClassList=")).isNull();
    }

    @Test
    void aUserWhoTurnsSharingOff_getsNoArchiveFlags() throws Exception {
        env.put("QUALIFICATION_JAVA_OPTS", "-Xshare:off");

        Run run = run("codes");

        assertThat(run.option("-XX:DumpLoadedClassList=")).isNull();
        assertThat(run.option("-XX:SharedArchiveFile=")).isNull();
        assertThat(run.jvmOptions()).endsWith("-Xshare:off");
    }

    private Run run(String... args) throws Exception {
        return runScript(SCRIPT, args);
    }

    private Run runScript(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = temp.resolve("out-" + System.nanoTime());
        Path err = temp.resolve("err-" + System.nanoTime());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        List<String> javaArgs = new ArrayList<>();
        int start = 0;
        for (int i = stdout.indexOf('\0'); i >= 0; i = stdout.indexOf('\0', start)) {
            javaArgs.add(stdout.substring(start, i));
            start = i + 1;
        }
        return new Run(process.exitValue(), javaArgs, stdout, Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path awaitArchive() throws Exception {
        return awaitArchives(1).get(0);
    }

    private Path awaitArchiveOtherThan(Path old) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            List<Path> archives = archives();
            if (archives.size() == 1 && !archives.get(0).equals(old) && locks().isEmpty()) {
                return archives.get(0);
            }
            assertThat(Instant.now()).as("a new archive appears: %s", archives).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private List<Path> awaitArchives(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            List<Path> archives = archives();
            if (archives.size() >= count && locks().isEmpty()) {
                return archives;
            }
            assertThat(Instant.now()).as("%d archive(s) appear: %s", count, archives).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private void awaitEmpty(Path dir) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> left = files.toList();
                if (left.isEmpty()) {
                    return;
                }
                assertThat(Instant.now()).as("nothing left in %s: %s", dir, left).isBefore(deadline);
            }
            Thread.sleep(20);
        }
    }

    private List<Path> archives() throws IOException {
        return list("*.jsa");
    }

    private List<Path> locks() throws IOException {
        return list("*.lock");
    }

    private List<Path> list(String glob) throws IOException {
        Path dir = cache.resolve("pc-qualification");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
