package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wording of the rules about education details, and a violation's own checks and text. */
class RuleMessagesEdgesTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("11111111-1111-4111-8111-111111111111");

    @Test
    void educationDetailsOnTheSynchronousApi_sayTheyAreAsynchronousOnly() {
        QualificationRequest request = QualificationRequest.education(CUSTOMER, EducationSegment.K12,
                Optional.of(Website.of("contoso.edu")));

        List<RuleViolation> violations = RequestRules.check(request, ApiMode.SYNCHRONOUS);

        assertThat(violations).extracting(RuleViolation::rule).contains(Rule.EDUCATION_DETAILS_NOT_ACCEPTED);
        assertThat(violations).extracting(RuleViolation::message)
                .contains("an education segment or website is only sent through the asynchronous API");
    }

    @Test
    void educationDetailsForAnotherQualification_sayOnlyEducationTakesThem() {
        QualificationRequest request = new QualificationRequest(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD,
                Optional.of(ValidationCode.of("CODE-1")), Optional.empty(), Optional.of(Website.of("contoso.gov")));

        List<RuleViolation> violations = RequestRules.check(request, ApiMode.ASYNCHRONOUS);

        assertThat(violations).extracting(RuleViolation::message)
                .contains("only Education takes an education segment or website, not GovernmentCommunityCloud");
    }

    @Test
    void aValidationCodeAdded_replacesNone_andLeavesTheRequestAsItWas() {
        QualificationRequest without = QualificationRequest.of(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD);
        ValidationCode code = ValidationCode.of("CODE-2");

        QualificationRequest with = without.withValidationCode(code);

        assertThat(with.validationCode()).hasValue(code);
        assertThat(with.customer()).isEqualTo(CUSTOMER);
        assertThat(without.validationCode()).isEmpty();
    }

    @Test
    void aViolation_needsAMessage_andReadsAsRuleColonMessage() {
        assertThat(new RuleViolation(Rule.EDUCATION_SEGMENT_REQUIRED, "needs a segment"))
                .hasToString("EDUCATION_SEGMENT_REQUIRED: needs a segment");
        assertThatThrownBy(() -> new RuleViolation(Rule.EDUCATION_SEGMENT_REQUIRED, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message must not be blank");
    }
}
