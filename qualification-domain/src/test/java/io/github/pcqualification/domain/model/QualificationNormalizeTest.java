package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key names are compared by: ASCII letters lower-cased (A to Z, both ends), separators dropped, nothing else. */
class QualificationNormalizeTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ABCXYZ               | abcxyz
            `A_Z-a z`            | azaz
            `@[`                 | @[
            `\u00c9\u212a`       | `\u00c9\u212a`
            """)
    void asciiLettersAreLowerCased_separatorsDropped_andEverythingElseKept(String name, String key) {

        String normalized = Qualification.normalize(name);

        assertThat(normalized).isEqualTo(key);
    }
}
