package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.app.PartnerCenterQualifications;
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

/** A journal is bound to the service and the API its rows were sent to, not only to the input. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkJournalBindingTest {

    private static final String PARTNER_CENTER = "https://api.partnercenter.microsoft.com";

    @TempDir
    Path dir;

    private Path input;
    private Path journal;

    @BeforeEach
    void writeInput() throws Exception {
        input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,"),
                StandardCharsets.UTF_8);
        journal = dir.resolve("bulk.journal");
    }

    private BulkJob.Summary run(InMemoryPartnerCenter fake, ApiMode mode, String target) throws Exception {
        try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).api(mode).build()) {
            return new BulkJob(pc, new BulkJob.Options(input, dir.resolve("report.csv"), 1, Optional.of(journal), false,
                    mode, target), System::nanoTime).run();
        }
    }

    @Test
    void aJournalOfTheEmbeddedFake_reusedAgainstPartnerCenter_isRefused_andNothingIsSent() throws Exception {
        run(DemoData.newDemoPartnerCenter(), ApiMode.SYNCHRONOUS, BulkJob.Options.EMBEDDED_FAKE);
        InMemoryPartnerCenter real = DemoData.newDemoPartnerCenter();

        assertThatThrownBy(() -> run(real, ApiMode.SYNCHRONOUS, PARTNER_CENTER))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("embedded-fake").hasMessageContaining(PARTNER_CENTER)
                .hasMessageContaining("give a new journal file");
        assertThat(real.callCount()).isZero();
    }

    @Test
    void aJournalOfTheSynchronousApi_reusedWithAsync_isRefused() throws Exception {
        run(DemoData.newDemoPartnerCenter(), ApiMode.SYNCHRONOUS, PARTNER_CENTER);
        InMemoryPartnerCenter again = DemoData.newDemoPartnerCenter();

        assertThatThrownBy(() -> run(again, ApiMode.ASYNCHRONOUS, PARTNER_CENTER))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("synchronous API, not").hasMessageContaining("asynchronous API");
        assertThat(again.callCount()).isZero();
    }

    @Test
    void theSameTargetAndApi_resumes() throws Exception {
        run(DemoData.newDemoPartnerCenter(), ApiMode.SYNCHRONOUS, PARTNER_CENTER);

        BulkJob.Summary again = run(DemoData.newDemoPartnerCenter(), ApiMode.SYNCHRONOUS, PARTNER_CENTER);

        assertThat(again.resumed()).isEqualTo(1);
    }

    @Test
    void aJournalOfAnOlderVersion_withoutItsTarget_isRefused_sayingToStartANewOne() throws Exception {
        String hash = MoreFiles.asByteSource(input).hash(Hashing.sha256()).toString();
        Files.write(journal, List.of("# qualification-bulk-journal input-sha256=" + hash,
                "line,customerId,qualification,outcome,detail,correlationId",
                "2," + DemoData.FRESH_CUSTOMER + ",Education,updated,education,"), StandardCharsets.UTF_8);
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();

        assertThatThrownBy(() -> run(fake, ApiMode.SYNCHRONOUS, PARTNER_CENTER))
                .isInstanceOf(BulkInputException.class)
                .hasMessageContaining("older version").hasMessageContaining("give a new journal file");
        assertThat(fake.callCount()).isZero();
    }
}
