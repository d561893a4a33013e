package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.common.testing.EqualsTester;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link CustomerId}: a GUID in canonical form, parsed strictly because it goes into a URL path. */
class CustomerIdTest {

    private static final String CANONICAL = "0a1b2c3d-0000-4000-8000-00000000abcd";

    @Test
    void canonicalGuid_isAcceptedAndPrintedUnchanged() {

        CustomerId id = CustomerId.parse(CANONICAL);

        assertThat(id.toString()).isEqualTo(CANONICAL);
        assertThat(id.value()).isEqualTo(UUID.fromString(CANONICAL));
    }

    @Test
    void upperCaseGuid_isNormalisedToLowerCase() {

        CustomerId id = CustomerId.parse("0A1B2C3D-0000-4000-8000-00000000ABCD");

        assertThat(id.toString()).isEqualTo(CANONICAL);
        assertThat(id).isEqualTo(CustomerId.parse(CANONICAL));
    }

    @Test
    void mixedCaseSpellings_areOneValue() {

        new EqualsTester()
                .addEqualityGroup(CustomerId.parse(CANONICAL), CustomerId.parse("0a1B2c3D-0000-4000-8000-00000000AbCd"),
                        new CustomerId(UUID.fromString(CANONICAL)))
                .addEqualityGroup(CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abce"))
                .testEquals();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "",
            " ",
            "{0a1b2c3d-0000-4000-8000-00000000abcd}",
            " 0a1b2c3d-0000-4000-8000-00000000abcd",
            "0a1b2c3d-0000-4000-8000-00000000abcd ",
            "0a1b2c3d-0000-4000-8000-00000000abcd\n",
            "0a1b2c3d-0000-4000-8000-00000000abc",      // 35 characters
            "0a1b2c3d-0000-4000-8000-00000000abcde",    // 37 characters
            "0a1b2c3d00004000800000000000abcd",         // no dashes
            "0a1b2c3d-0000-4000-8000-00000000abcg",     // non-hex
            "0a1b2c3d-00000-400-8000-00000000abcd",     // dashes in the wrong places
            "0a1b2c3d-0000-4000-8000_00000000abcd",     // underscore instead of dash
            "0a1b2c3d-0000-4000-8000-0000000\u0661abcd", // Arabic-Indic digit one
            "0a1b2c3d-0000-4000-8000-0000000\uff11abcd", // full-width digit one
            "0a1b2c3d\u20100000-4000-8000-00000000abcd", // Unicode hyphen
            "0a1b2c3d\u22120000-4000-8000-00000000abcd", // minus sign
            "0a1b2c3d-0000-4000-8000-00000000abc\u0430", // Cyrillic a
            "../../../../etc/passwd/0000-8000-0000000",  // 36 characters of path traversal
            "0a1b2c3d-0000-4000-8000-00000000abcd/../x",
            "0a1b2c3d-0000-4000-8000-0000%2e%2e%2fab",
            "urn:uuid:0a1b2c3d-0000-4000-8000-00000000abcd",
            "1-1-1-1-1",                                 // java.util.UUID.fromString would accept this
    })
    void anythingButACanonicalGuid_isRefusedWithAMessageNamingTheFormat(String text) {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.parse(text));

        thrown.withMessageStartingWith("customer id must be a GUID like 0a1b2c3d-0000-4000-8000-00000000abcd, got '");
    }

    @Test
    void refusedText_isEscapedInTheMessageSoItStaysOneReadableLine() {

        var thrown = assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd\r\nX-Injected: 1"));

        thrown.withMessageContaining("\\u000d\\u000aX-Injected: 1").withMessageNotContaining("\n");
    }

    @Test
    void veryLongText_isCutInTheMessage() {
        String longText = "x".repeat(10_000);

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.parse(longText));

        thrown.satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).endsWith("...'"));
    }

    @Test
    void nullText_isRefusedNamingTheCustomerId() {

        var thrown = assertThatNullPointerException().isThrownBy(() -> CustomerId.parse(null));

        thrown.withMessage("customer id");
    }

    @Test
    void nullUuid_isRefusedNamingTheCustomerId() {

        var thrown = assertThatNullPointerException().isThrownBy(() -> new CustomerId(null));

        thrown.withMessage("customer id");
    }
}
