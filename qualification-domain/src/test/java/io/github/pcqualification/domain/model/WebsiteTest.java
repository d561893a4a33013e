package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link Website}: a host name, optionally with scheme, port and path; visible ASCII only. */
class WebsiteTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "contoso.edu",
            "www.contoso.edu",
            "https://contoso.edu",
            "http://contoso.edu/",
            "https://school-1.contoso.edu:8443/admissions?lang=en",
            "a.b",
    })
    void hostNamesWithOptionalSchemePortAndPath_areAccepted(String text) {

        Website website = Website.of(text);

        assertThat(website.value()).isEqualTo(text);
        assertThat(website).hasToString(text);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "",
            " ",
            "contoso",                    // no dot: not a host name
            " contoso.edu",
            "contoso.edu ",
            "contoso .edu",
            "-contoso.edu",
            "contoso-.edu",
            "contoso..edu",
            "ftp://contoso.edu",
            "javascript:alert(1)",
            "https://contoso.edu/a b",
            "contoso.edu\r\nX-Injected: 1",
            "contos\u043e.edu",           // Cyrillic o
            "contoso.edu:",
            "contoso.edu:123456",
    })
    void anythingElse_isRefusedWithAMessageNamingTheFormat(String text) {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> Website.of(text));

        thrown.withMessageStartingWith("website must be a host name such as contoso.edu, got '")
                .withMessageNotContaining("\n");
    }

    @Test
    void twoHundredFiftyThreeCharacters_isTheLongestAccepted() {
        String longest = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);

        Website website = Website.of(longest);

        assertThat(website.value()).hasSize(253);
    }

    @Test
    void twoHundredFiftyFourCharacters_isRefused() {
        String tooLong = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> Website.of(tooLong));

        thrown.withMessageStartingWith("website must be a host name");
    }

    @Test
    void nullWebsite_isRefusedNamingIt() {

        var thrown = assertThatNullPointerException().isThrownBy(() -> Website.of(null));

        thrown.withMessage("website");
    }
}
