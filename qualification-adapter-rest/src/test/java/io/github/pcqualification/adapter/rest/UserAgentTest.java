package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link UserAgent#of} called directly (the adapter computes its header once per class loader): versions keep only
 * token characters, the system comment keeps visible ASCII without its delimiters, and nothing left is "unknown".
 */
class UserAgentTest {

    @Test
    void ordinaryParts_areSentAsTheyAre() {

        String agent = UserAgent.of("1.2.3-SNAPSHOT", "17.0.15", "Linux amd64");

        assertThat(agent).isEqualTo("pc-qualification-java/1.2.3-SNAPSHOT (Java 17.0.15; Linux amd64)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `1.0 (beta)`              | 1.0beta
            `a/b:c;d=e,f@g?h[i]j{k}l` | abcdefghijkl
            `<x>"y"\\z`               | xyz
            `!~`                      | !~
            `\u00e9t\u00e9 1`         | t1
            `\u001f1\u007f2\t`        | 12
            `()`                      | unknown
            ` `                       | unknown
            """)
    void aVersion_keepsOnlyVisibleTokenCharacters(String version, String sent) {

        String agent = UserAgent.of(version, "17", "Linux");

        assertThat(agent).isEqualTo("pc-qualification-java/" + sent + " (Java 17; Linux)");
    }

    @Test
    void theJavaVersion_isCutTheSameWay() {

        String agent = UserAgent.of("1", "17 (custom)", "Linux");

        assertThat(agent).isEqualTo("pc-qualification-java/1 (Java 17custom; Linux)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Windows 11 (x64); amd64`  | Windows 11 x64 amd64
            `  Linux\u0000\u007f arm\\ ` | Linux arm
            `Mac/OS ~ X`               | Mac/OS ~ X
            `\u00e9\u00e9`             | unknown
            `();\\`                    | unknown
            ``                         | unknown
            """)
    void theSystemComment_keepsVisibleAsciiWithoutItsDelimiters_spacesCollapsed(String os, String sent) {

        String agent = UserAgent.of("1", "17", os);

        assertThat(agent).isEqualTo("pc-qualification-java/1 (Java 17; " + sent + ")");
    }
}
