package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specification of {@link PartnerValidationCode}: counts may be absent; no remaining creates means used up. */
class PartnerValidationCodeTest {

    private static final ValidationCode CODE = ValidationCode.of("12345");

    private static PartnerValidationCode withCounts(OptionalInt max, OptionalInt remaining) {
        return new PartnerValidationCode(CODE, Optional.of("4b1a3a6e-0000-4000-8000-000000000001"),
                Optional.of("Contoso, Inc."), max, remaining, Optional.of("W/\"datetime'2020'\""));
    }

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of(OptionalInt.of(5), OptionalInt.of(4), false),
                Arguments.of(OptionalInt.of(5), OptionalInt.of(1), false),
                Arguments.of(OptionalInt.of(5), OptionalInt.of(0), true),
                Arguments.of(OptionalInt.empty(), OptionalInt.of(0), true),
                Arguments.of(OptionalInt.of(5), OptionalInt.empty(), false),
                Arguments.of(OptionalInt.empty(), OptionalInt.empty(), false),
                Arguments.of(OptionalInt.of(0), OptionalInt.empty(), false));
    }

    @ParameterizedTest(name = "[{index}] max={0} remaining={1} -> used up {2}")
    @MethodSource("counts")
    void usedUp_onlyWhenTheServiceSaysNoCreatesRemain(OptionalInt max, OptionalInt remaining, boolean usedUp) {
        PartnerValidationCode code = withCounts(max, remaining);

        boolean actual = code.isUsedUp();

        assertThat(actual).isEqualTo(usedUp);
    }

    @Test
    void codeKnownOnlyByItsValue_hasNoCountsAndIsNotUsedUp() {

        PartnerValidationCode code = PartnerValidationCode.of(CODE);

        assertThat(code.code()).isEqualTo(CODE);
        assertThat(code.maxCreates()).isEmpty();
        assertThat(code.remainingCreates()).isEmpty();
        assertThat(code.partnerId()).isEmpty();
        assertThat(code.organizationName()).isEmpty();
        assertThat(code.eTag()).isEmpty();
        assertThat(code.isUsedUp()).isFalse();
    }

    @Test
    void negativeMaxCreates_isRefused() {

        var thrown = assertThatIllegalArgumentException()
                .isThrownBy(() -> withCounts(OptionalInt.of(-1), OptionalInt.of(0)));

        thrown.withMessage("maxCreates must not be negative");
    }

    @Test
    void negativeRemainingCreates_isRefused() {

        var thrown = assertThatIllegalArgumentException()
                .isThrownBy(() -> withCounts(OptionalInt.of(5), OptionalInt.of(-1)));

        thrown.withMessage("remainingCreates must not be negative");
    }
}
