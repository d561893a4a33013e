package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulk} with paths that collide or cannot be written: exit 2 before anything is sent, and no file
 * the user gave is changed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkPathsCliTest {

    @TempDir
    Path dir;

    private final InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
    private Path input;
    private String inputText;

    @BeforeEach
    void writeInput() throws Exception {
        input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,"),
                StandardCharsets.UTF_8);
        inputText = Files.readString(input);
    }

    private CliTest.Result bulk(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bulk";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliTest.run(Map.of(), () -> fake, all);
    }

    private void assertRefused(CliTest.Result result, String why) throws Exception {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains(why).contains("nothing was sent");
        assertThat(fake.callCount()).isZero();
        assertThat(Files.readString(input)).as("the input is untouched").isEqualTo(inputText);
    }

    @Test
    void outputEqualToInput_isRefused_andTheInputKept() throws Exception {
        assertRefused(bulk("--input", input.toString(), "--output", input.toString()), "is the same file as --input");
        assertRefused(bulk("--input", input.toString(), "--output", dir.resolve("x/../in.csv").toString()),
                "is the same file as --input");
    }

    @Test
    void outputASymbolicOrHardLinkToTheInput_isRefused() throws Exception {
        Path symlink = Files.createSymbolicLink(dir.resolve("link.csv"), input);
        Path hardLink = Files.createLink(dir.resolve("hard.csv"), input);

        assertRefused(bulk("--input", input.toString(), "--output", symlink.toString()), "is the same file as --input");
        assertRefused(bulk("--input", input.toString(), "--output", hardLink.toString()), "is the same file as --input");
    }

    @Test
    void outputEqualToTheJournal_isRefused_andTheJournalKept() throws Exception {
        Path journal = dir.resolve("bulk.journal");
        Path output = dir.resolve("report.csv");
        assertThat(bulk("--input", input.toString(), "--output", output.toString(), "--journal", journal.toString())
                .exitCode()).isZero();
        String journalText = Files.readString(journal);
        InMemoryPartnerCenter before = fake;

        CliTest.Result result = bulk("--input", input.toString(), "--output", journal.toString(), "--journal",
                journal.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("--journal").contains("same file as --output");
        assertThat(Files.readString(journal)).isEqualTo(journalText);
        assertThat(before.callCount()).isEqualTo(1);
    }

    @Test
    void theJournalOrTheInputAsOneOfTheJobsOwnFiles_isRefused() throws Exception {
        assertRefused(bulk("--input", input.toString(), "--output", dir.resolve("r.csv").toString(), "--journal",
                input.toString()), "is the same file as --input");
        assertRefused(bulk("--input", input.toString(), "--output", dir.resolve("r.csv").toString(), "--journal",
                dir.resolve("r.csv").toString()), "is the same file as --output");
        assertRefused(bulk("--input", input.toString(), "--output", dir.resolve("bulk.journal.lock").toString(),
                "--journal", dir.resolve("bulk.journal").toString()), "lock file");
    }

    @Test
    void anInputNamedLikeTheOldTemporaryFiles_isNeverOverwritten() throws Exception {
        Path partial = Files.copy(input, dir.resolve("r.csv.partial"));
        Path rows = Files.copy(input, dir.resolve("r.csv.rows"));

        CliTest.Result result = bulk("--input", partial.toString(), "--output", dir.resolve("r.csv").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(Files.readString(partial)).isEqualTo(inputText);
        assertThat(Files.readString(rows)).isEqualTo(inputText);
    }

    @Test
    void outputADirectory_isRefusedBeforeAnythingIsSent() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("reports"));

        assertRefused(bulk("--input", input.toString(), "--output", folder.toString()), "is a directory");
    }

    @Test
    void outputOrJournalInAMissingFolder_isRefusedBeforeAnythingIsSent() throws Exception {
        assertRefused(bulk("--input", input.toString(), "--output", dir.resolve("no/such/report.csv").toString()),
                "does not exist");
        assertRefused(bulk("--input", input.toString(), "--output", dir.resolve("r.csv").toString(), "--journal",
                dir.resolve("no/such/bulk.journal").toString()), "does not exist");
    }

    @Test
    void outputInAFolderThatCannotBeWritten_isRefusedBeforeAnythingIsSent() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes everywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assertRefused(bulk("--input", input.toString(), "--output", locked.resolve("r.csv").toString()),
                    "cannot write in the folder");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
