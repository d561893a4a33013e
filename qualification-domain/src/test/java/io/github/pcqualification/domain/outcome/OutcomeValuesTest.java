package io.github.pcqualification.domain.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcomes are values: their lists are immutable copies, and equality is by content. */
class OutcomeValuesTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final OperationContext CONTEXT = OperationContext.newOperation();

    @Test
    void found_keepsACopyOfTheQualificationsItWasGiven() {
        List<CustomerQualification> source = new ArrayList<>(List.of(CustomerQualification.of(Qualification.EDUCATION)));

        Found found = new Found(CUSTOMER, source, CONTEXT);
        source.add(CustomerQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD));

        assertThat(found.values()).containsExactly(ReportedQualification.of(Qualification.EDUCATION));
        assertThatThrownBy(() -> found.qualifications().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void codesListed_keepsACopyInTheServicesOrder() {
        PartnerValidationCode first = PartnerValidationCode.of(ValidationCode.of("222"));
        PartnerValidationCode second = PartnerValidationCode.of(ValidationCode.of("111"));
        List<PartnerValidationCode> source = new ArrayList<>(List.of(first, second));

        CodesListed listed = new CodesListed(source, CONTEXT);
        source.clear();

        assertThat(listed.codes()).containsExactly(first, second);
        assertThatThrownBy(() -> listed.codes().add(first)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validationsListed_keepsACopyInTheServicesOrder() {
        CustomerValidation first = CustomerValidation.of(CUSTOMER, ValidationCode.of("222"));
        CustomerValidation second = CustomerValidation.of(CUSTOMER, ValidationCode.of("111"));
        List<CustomerValidation> source = new ArrayList<>(List.of(first, second));

        ValidationsListed listed = new ValidationsListed(CUSTOMER, source, CONTEXT);
        source.clear();

        assertThat(listed.validations()).containsExactly(first, second);
        assertThatThrownBy(() -> listed.validations().add(first)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidRequest_keepsACopyOfItsViolations() {
        List<RuleViolation> source = new ArrayList<>(List.of(new RuleViolation(Rule.NEVER_SETTABLE, "no")));

        InvalidRequest invalid = new InvalidRequest(source, CONTEXT);
        source.add(new RuleViolation(Rule.IRREVERSIBLE, "also no"));

        assertThat(invalid.violations()).extracting(RuleViolation::rule).containsExactly(Rule.NEVER_SETTABLE);
    }

    @Test
    void outcomes_areEqualByContent() {
        CustomerQualification education = CustomerQualification.of(Qualification.EDUCATION);
        OperationContext other = OperationContext.newOperation();

        new EqualsTester()
                .addEqualityGroup(new Updated(CUSTOMER, education, CONTEXT), new Updated(CUSTOMER, education, CONTEXT))
                .addEqualityGroup(new Unchanged(CUSTOMER, education, CONTEXT))
                .addEqualityGroup(new Updated(CUSTOMER, education, other))
                .addEqualityGroup(new Found(CUSTOMER, List.of(education), CONTEXT),
                        new Found(CUSTOMER, new ArrayList<>(List.of(education)), CONTEXT))
                .addEqualityGroup(new ValidationsListed(CUSTOMER, List.of(), CONTEXT),
                        new ValidationsListed(CUSTOMER, new ArrayList<>(), CONTEXT))
                .addEqualityGroup(new ValidationsListed(CUSTOMER, List.of(), other))
                .testEquals();
    }
}
