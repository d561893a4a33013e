package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link QualificationRequest#withValidationCode} copies the request with the code and changes nothing else. */
class QualificationRequestCopyTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");

    @Test
    void withValidationCode_replacesOnlyTheCode_andLeavesTheOriginalAsItWas() {
        QualificationRequest original = new QualificationRequest(CUSTOMER, Qualification.EDUCATION,
                Optional.of(ValidationCode.of("11111")), Optional.of(EducationSegment.K12),
                Optional.of(Website.of("contoso.edu")));

        QualificationRequest copy = original.withValidationCode(ValidationCode.of("22222"));

        assertThat(copy).isEqualTo(new QualificationRequest(CUSTOMER, Qualification.EDUCATION,
                Optional.of(ValidationCode.of("22222")), Optional.of(EducationSegment.K12),
                Optional.of(Website.of("contoso.edu"))));
        assertThat(original.validationCode()).contains(ValidationCode.of("11111"));
    }
}
