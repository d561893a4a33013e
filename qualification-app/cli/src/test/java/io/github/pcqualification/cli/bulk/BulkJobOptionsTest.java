package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.ApiMode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link BulkJob.Options}, the public description of a run, at the edges of what it accepts. */
class BulkJobOptionsTest {

    private static final Path IN = Path.of("in.csv");
    private static final Path OUT = Path.of("out.csv");

    private static BulkJob.Options options(int concurrency, String target) {
        return new BulkJob.Options(IN, OUT, concurrency, Optional.empty(), false, ApiMode.SYNCHRONOUS, target);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1024})
    void aConcurrencyFromOneTo1024_isAccepted(int concurrency) {
        assertThat(options(concurrency, "embedded-fake").concurrency()).isEqualTo(concurrency);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1025})
    void aConcurrencyOutside_isRefused_namingIt(int concurrency) {
        assertThatThrownBy(() -> options(concurrency, "embedded-fake")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency must be between 1 and 1024, got " + concurrency);
    }

    @Test
    void aDryRunWithAJournal_isRefused() {
        assertThatThrownBy(() -> new BulkJob.Options(IN, OUT, 1, Optional.of(Path.of("j")), true, ApiMode.SYNCHRONOUS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--dry-run sends nothing, so it takes no --journal");
    }

    @Test
    void theShortConstructor_targetsTheEmbeddedFake() {
        assertThat(new BulkJob.Options(IN, OUT, 2, Optional.empty(), true, ApiMode.ASYNCHRONOUS).target())
                .isEqualTo(BulkJob.Options.EMBEDDED_FAKE).isEqualTo("embedded-fake");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "~", "https://api.partnercenter.microsoft.com"})
    void aTargetOfVisibleAscii_isAccepted(String target) {
        assertThat(options(1, target).target()).isEqualTo(target);
    }

    @Test
    void aTargetOf2000Characters_isAccepted_2001AreNot() {
        assertThat(options(1, "t".repeat(2000)).target()).hasSize(2000);
        assertThatThrownBy(() -> options(1, "t".repeat(2001))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target must be one word of visible ASCII, got '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "tab\there", "caf\u00e9", "del\u007f"})
    void aTargetThatIsNotOneWordOfVisibleAscii_isRefused(String target) {
        assertThatThrownBy(() -> options(1, target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target must be one word of visible ASCII");
    }
}
