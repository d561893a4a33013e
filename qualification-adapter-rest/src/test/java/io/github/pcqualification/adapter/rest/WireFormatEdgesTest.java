package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers at the edges of what {@link WireFormat} reads: blank vetting fields, a null {@code qualifications} wrapper,
 * unknown fields in a validation code, and error codes that are numbers but not small integers.
 */
class WireFormatEdgesTest {

    private final WireFormat wire = new WireFormat();

    @Test
    void aBlankVettingStatus_meansNoVetting() {

        Optional<List<CustomerQualification>> parsed =
                wire.parseQualifications("[{\"qualification\":\"Education\",\"vettingStatus\":\"  \"}]");

        assertThat(parsed).contains(List.of(CustomerQualification.of(Qualification.EDUCATION)));
    }

    @Test
    void aBlankVettingReason_meansNoReason() {

        Optional<List<CustomerQualification>> parsed = wire.parseQualifications(
                "[{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\",\"vettingReason\":\" \"}]");

        assertThat(parsed).hasValueSatisfying(list -> assertThat(list).singleElement().satisfies(q -> {
            assertThat(q.vetting()).isPresent();
            assertThat(q.vetting().orElseThrow().reason()).isEmpty();
        }));
    }

    @Test
    void aNullQualificationsWrapper_isIgnored_andTheObjectReadAsOneQualification() {

        Optional<List<CustomerQualification>> parsed =
                wire.parseQualifications("{\"qualifications\":null,\"qualification\":\"Education\"}");

        assertThat(parsed).contains(List.of(CustomerQualification.of(Qualification.EDUCATION)));
    }

    @Test
    void unknownFieldsOfAValidationCode_areSkipped_whateverTheirShape() {

        Optional<List<PartnerValidationCode>> parsed = wire.parseCodes(
                "[{\"validationId\":\"12345\",\"extra\":{\"nested\":[1,\"two\",null]},\"note\":\"x\",\"partnerId\":\"p-1\"}]");

        assertThat(parsed).hasValueSatisfying(codes -> assertThat(codes).singleElement().satisfies(code -> {
            assertThat(code.code().value()).isEqualTo("12345");
            assertThat(code.partnerId()).contains("p-1");
        }));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.5                | 1.5
            -2.25              | -2.25
            999999999999999    | 999999999999999
            -999999999999999   | -999999999999999
            1000000000000000   | 1.0E15
            """)
    void aNumericErrorCode_isShownAsAnIntegerOnlyBelowTenToTheFifteen(String json, String shown) {

        WireFormat.ServiceError error = wire.parseError("{\"code\":" + json + ",\"description\":\"d\"}");

        assertThat(error.code()).contains(shown);
    }
}
