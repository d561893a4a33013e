package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulk --journal}: a journal from the embedded fake is refused with {@code --base-url} or {@code --async}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkJournalTargetCliTest {

    @TempDir
    Path dir;

    @Test
    void aJournalOfTheEmbeddedFake_isRefusedWithABaseUrlOrAsync_exit2() throws Exception {
        Path input = dir.resolve("in.csv");
        Files.write(input, List.of("customerId,qualification,validationCode", DemoData.FRESH_CUSTOMER + ",Education,"),
                StandardCharsets.UTF_8);
        String[] bulk = {"bulk", "--input", input.toString(), "--output", dir.resolve("r.csv").toString(), "--journal",
            dir.resolve("bulk.journal").toString()};
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        assertThat(CliTest.run(Map.of(), () -> fake, bulk).exitCode()).isZero();
        String[] withBaseUrl = new String[bulk.length + 2];
        withBaseUrl[0] = "--base-url";
        withBaseUrl[1] = "http://127.0.0.1:9";
        System.arraycopy(bulk, 0, withBaseUrl, 2, bulk.length);
        String[] async = java.util.Arrays.copyOf(bulk, bulk.length + 1);
        async[bulk.length] = "--async";

        CliTest.Result rest = CliTest.run(Map.of("PARTNER_CENTER_TOKEN", "t0k3n"), () -> fake, withBaseUrl);
        CliTest.Result asyncRun = CliTest.run(Map.of(), () -> fake, async);

        assertThat(rest.exitCode()).as(rest.all()).isEqualTo(2);
        assertThat(rest.err()).contains("embedded-fake").contains("http://127.0.0.1:9").contains("nothing was sent");
        assertThat(asyncRun.exitCode()).as(asyncRun.all()).isEqualTo(2);
        assertThat(asyncRun.err()).contains("asynchronous API");
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void theTarget_ignoresCaseOfHostTrailingSlashAndUserInfo() {
        assertThat(BulkCommand.target(URI.create("https://API.PartnerCenter.microsoft.com/")))
                .isEqualTo(BulkCommand.target(URI.create("https://api.partnercenter.microsoft.com")))
                .isEqualTo("https://api.partnercenter.microsoft.com");
        assertThat(BulkCommand.target(null)).isEqualTo("embedded-fake");
    }
}
