package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.Website;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact words of the refusals whose message depends on the table: education details sent where they are not
 * taken, and the Education/GovernmentCommunityCloud exclusion, which reads the same from either side.
 */
class RuleMessagesTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");

    @Test
    void educationDetailsThroughTheSynchronousApi_pointToTheAsynchronousOne() {
        QualificationRequest request = new QualificationRequest(CUSTOMER, Qualification.EDUCATION, Optional.empty(),
                Optional.of(EducationSegment.K12), Optional.empty());

        List<RuleViolation> violations = RequestRules.check(request, ApiMode.SYNCHRONOUS);

        assertThat(violations).containsExactly(new RuleViolation(Rule.EDUCATION_DETAILS_NOT_ACCEPTED,
                "an education segment or website is only sent through the asynchronous API"));
    }

    @Test
    void educationDetailsForAValueThatNeverTakesThem_nameTheValueThatDoes() {
        QualificationRequest request = new QualificationRequest(CUSTOMER, Qualification.STATE_OWNED_ENTITY,
                Optional.empty(), Optional.empty(), Optional.of(Website.of("contoso.gov")));

        List<RuleViolation> violations = RequestRules.check(request, ApiMode.ASYNCHRONOUS);

        assertThat(violations).containsExactly(new RuleViolation(Rule.EDUCATION_DETAILS_NOT_ACCEPTED,
                "only Education takes an education segment or website, not StateOwnedEntity"));
    }

    @Test
    void theExclusion_namesBothValuesInEnumOrder_whicheverIsHeld() {
        List<ReportedQualification> holdsGcc = List.of(ReportedQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD));
        List<ReportedQualification> holdsEducation = List.of(ReportedQualification.of(Qualification.EDUCATION));

        Transition askingEducation = TransitionRules.evaluate(holdsGcc, Qualification.EDUCATION);
        Transition askingGcc = TransitionRules.evaluate(holdsEducation, Qualification.GOVERNMENT_COMMUNITY_CLOUD);

        assertThat(askingEducation).isEqualTo(new Transition.Refused(new RuleViolation(Rule.EDUCATION_GCC_EXCLUSIVE,
                "Education and GovernmentCommunityCloud cannot be combined: the customer already has"
                        + " GovernmentCommunityCloud")));
        assertThat(askingGcc).isEqualTo(new Transition.Refused(new RuleViolation(Rule.EDUCATION_GCC_EXCLUSIVE,
                "Education and GovernmentCommunityCloud cannot be combined: the customer already has Education")));
    }
}
