package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.cli.ExitCodes;
import io.github.pcqualification.domain.model.ApiMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Journal rows are checked as they are loaded: a forged or damaged row is refused naming its line. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkJournalRowsTest {

    private static final String HEAD_LINE = "line,customerId,qualification,outcome,detail,correlationId";

    @TempDir
    Path dir;

    private Path input;
    private Path journal;
    private Path output;
    private String head;

    @BeforeEach
    void writeInput() throws Exception {
        input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,",
                DemoData.SECOND_FRESH_CUSTOMER + ",Education,"), StandardCharsets.UTF_8);
        journal = dir.resolve("bulk.journal");
        output = dir.resolve("report.csv");
        String hash = MoreFiles.asByteSource(input).hash(Hashing.sha256()).toString();
        head = "# " + Journal.comment(hash, Files.size(input), BulkJob.Options.EMBEDDED_FAKE, ApiMode.SYNCHRONOUS) + "\n" + HEAD_LINE + "\n";
    }

    private BulkJob.Summary run(InMemoryPartnerCenter fake) throws Exception {
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build()) {
            return new BulkJob(pc, new BulkJob.Options(input, output, 1, Optional.of(journal), false,
                    ApiMode.SYNCHRONOUS), System::nanoTime).run();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "9000,c,Education,updated,forged,",
        "2147483647,c,Education,updated,forged,",
        "99999999999999999999,c,Education,updated,forged,",
        "1,c,Education,updated,forged,",
        "-3,c,Education,updated,forged,",
        "x,c,Education,updated,forged,",
        "2,c,Education,hacked,forged,",
        "2,c,Education,updated",
        "2,c,Education,updated,forged,,extra"})
    void aForgedRow_isRefusedNamingTheJournalLine_andNothingIsSent(String forged) throws Exception {
        Files.writeString(journal, head + "3,c,Education,updated,fine,\n" + forged + "\n", StandardCharsets.UTF_8);
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();

        assertThatThrownBy(() -> run(fake))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("bulk.journal, line 4:")
                .hasMessageContaining("give a new journal file");
        assertThat(fake.callCount()).isZero();
        assertThat(output).doesNotExist();
    }

    @Test
    void anOversizedField_isRefused() throws Exception {
        Files.writeString(journal, head + "2,c,Education,updated," + "x".repeat(Journal.MAX_FIELD_CHARS + 1) + ",\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(DemoData.newDemoPartnerCenter()))
                .isInstanceOf(BulkInputException.class).hasMessageContaining("line 3: the detail field has more than");
    }

    @Test
    void aLastRowTornByACrash_isLeftOut_andThatRowSentAgain() throws Exception {
        Files.writeString(journal, head + "2," + DemoData.FRESH_CUSTOMER + ",Education,updated,education,\n3,c,Educ",
                StandardCharsets.UTF_8);
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();

        BulkJob.Summary summary = run(fake);

        assertThat(summary.resumed()).isEqualTo(1);
        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(summary.count(RowOutcome.UPDATED)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 30, 60})
    void anEmptyJournal_orOneWithATornHead_isStartedAfresh(int keptBytes) throws Exception {
        Files.writeString(journal, head.substring(0, Math.min(keptBytes, head.indexOf(HEAD_LINE) + 20)),
                StandardCharsets.UTF_8);
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();

        BulkJob.Summary summary = run(fake);

        assertThat(ExitCodes.of(summary)).isZero();
        assertThat(summary.count(RowOutcome.UPDATED)).isEqualTo(2);
        assertThat(Files.readString(journal)).startsWith(head);
        assertThat(run(DemoData.newDemoPartnerCenter()).resumed()).as("and it resumes").isEqualTo(2);
    }

    @Test
    void aFileThatIsNoJournal_isStillRefused_notOverwritten() throws Exception {
        Files.writeString(journal, "my notes", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(DemoData.newDemoPartnerCenter()))
                .isInstanceOf(BulkInputException.class).hasMessageContaining("not a bulk journal");
        assertThat(Files.readString(journal)).isEqualTo("my notes");
    }
}
