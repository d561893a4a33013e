package io.github.pcqualification.domain.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link ErrorDetail}: the raw body is kept up to 2048 characters; one readable summary line. */
class ErrorDetailTest {

    private static ErrorDetail withBody(String body) {
        return new ErrorDetail(OptionalInt.of(500), Optional.empty(), "server error", Optional.of(body));
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @ValueSource(ints = {0, 1, 2047, 2048})
    void bodyUpToTheLimit_isKeptWhole(int length) {
        String body = "b".repeat(length);

        ErrorDetail detail = withBody(body);

        assertThat(detail.rawBody()).contains(body);
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @ValueSource(ints = {2049, 4096, 1_000_000})
    void longerBody_isCutAtTheLimitAndMarked(int length) {
        String body = "0123456789".repeat(length / 10 + 1).substring(0, length);

        ErrorDetail detail = withBody(body);

        assertThat(detail.rawBody()).hasValueSatisfying(kept -> {
            assertThat(kept).hasSize(ErrorDetail.MAX_RAW_BODY + 3).endsWith("...");
            assertThat(kept).startsWith(body.substring(0, ErrorDetail.MAX_RAW_BODY));
        });
    }

    @Test
    void cutThroughASurrogatePair_dropsTheWholeCharacterInsteadOfLeavingHalfOfIt() {
        String body = "a".repeat(ErrorDetail.MAX_RAW_BODY - 1) + "\uD83D\uDE00" + "tail";

        ErrorDetail detail = withBody(body);

        assertThat(detail.rawBody()).hasValueSatisfying(kept -> {
            assertThat(kept).isEqualTo("a".repeat(ErrorDetail.MAX_RAW_BODY - 1) + "...");
            assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 4))).isFalse();
        });
    }

    @Test
    void surrogatePairEndingAtTheLimit_isKept() {
        String body = "a".repeat(ErrorDetail.MAX_RAW_BODY - 2) + "\uD83D\uDE00" + "tail";

        ErrorDetail detail = withBody(body);

        assertThat(detail.rawBody()).contains("a".repeat(ErrorDetail.MAX_RAW_BODY - 2) + "\uD83D\uDE00...");
    }

    @Test
    void noBody_staysAbsent() {

        ErrorDetail detail = ErrorDetail.of(404, Optional.of("60003"), "tenant not found");

        assertThat(detail.rawBody()).isEmpty();
    }

    static Stream<Arguments> summaries() {
        return Stream.of(
                Arguments.of(OptionalInt.of(403), Optional.of("20002"), "No relationship",
                        "HTTP 403 (code 20002): No relationship"),
                Arguments.of(OptionalInt.of(400), Optional.empty(), "Customer tagging denied.",
                        "HTTP 400: Customer tagging denied."),
                Arguments.of(OptionalInt.empty(), Optional.of("900118"), "invalid customer id",
                        "(code 900118): invalid customer id"),
                Arguments.of(OptionalInt.empty(), Optional.empty(), "connection refused",
                        "connection refused"));
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("summaries")
    void summary_namesStatusAndCodeWhenKnown(OptionalInt status, Optional<String> code, String description, String summary) {
        ErrorDetail detail = new ErrorDetail(status, code, description, Optional.of("{\"raw\":true}"));

        String actual = detail.summary();

        assertThat(actual).isEqualTo(summary);
    }

    @Test
    void failureWithoutResponse_hasNoStatusCodeOrBody() {

        ErrorDetail detail = ErrorDetail.withoutResponse("connection refused");

        assertThat(detail.httpStatus()).isEmpty();
        assertThat(detail.serviceCode()).isEmpty();
        assertThat(detail.rawBody()).isEmpty();
        assertThat(detail.summary()).isEqualTo("connection refused");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankDescription_isRefused(String description) {

        var thrown = assertThatIllegalArgumentException().isThrownBy(() -> ErrorDetail.withoutResponse(description));

        thrown.withMessage("description must not be blank");
    }
}
