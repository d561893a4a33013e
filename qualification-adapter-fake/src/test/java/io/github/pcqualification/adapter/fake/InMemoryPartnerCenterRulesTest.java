package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.rules.QualificationRules;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.ValueRules;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake decides by the domain's {@link QualificationRules} table: a value is set exactly when its row
 * says so, through either API, and the answers it gives when it refuses keep their exact wording.
 */
class InMemoryPartnerCenterRulesTest {

    private static final ValidationCode CODE = ValidationCode.of("RULES-CODE");

    private final InMemoryPartnerCenter fake = new InMemoryPartnerCenter(Clock.systemUTC(), new RecordingSleeper());
    private final OperationContext context = OperationContext.newOperation();

    private CustomerId freshCustomer() {
        CustomerId customer = new CustomerId(UUID.randomUUID());
        fake.addCustomer(customer);
        return customer;
    }

    private UpdateOutcome send(QualificationRequest request, ApiMode mode) {
        return mode == ApiMode.SYNCHRONOUS
                ? fake.setQualification(request, context)
                : fake.requestQualification(request, context);
    }

    /** Every value through either API: a value added to the enum and the table is covered without editing this. */
    static Stream<Arguments> everyValueAndApi() {
        return Arrays.stream(Qualification.values())
                .flatMap(q -> Arrays.stream(ApiMode.values()).map(mode -> Arguments.of(q, mode)));
    }

    @ParameterizedTest(name = "[{index}] {0} through {1}")
    @MethodSource("everyValueAndApi")
    void aWellFormedRequest_isSetExactlyWhenTheTableSaysSo(Qualification q, ApiMode mode) {
        ValueRules row = QualificationRules.of(q);
        fake.addValidationCode(CODE, 1, 1);
        QualificationRequest request = new QualificationRequest(freshCustomer(), q,
                row.needsValidationCode() ? Optional.of(CODE) : Optional.empty(),
                row.needsEducationSegment(mode) ? Optional.of(EducationSegment.K12) : Optional.empty(),
                Optional.empty());

        UpdateOutcome outcome = send(request, mode);

        if (row.isSettableThrough(mode)) {
            assertThat(outcome).isInstanceOf(Updated.class);
            assertThat(fake.remainingCreates(CODE)).isEqualTo(row.needsValidationCode() ? 0 : 1);
        } else {
            assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
                assertThat(r.error().serviceCode()).contains("900126");
                assertThat(r.reason()).isEqualTo(Rejected.Reason.REQUEST_REFUSED);
            });
        }
    }

    @ParameterizedTest(name = "[{index}] {0} through {1} without extras -> {2} {3}")
    @CsvSource(delimiter = ';', textBlock = """
            NONE                      ; SYNCHRONOUS  ; 400; 900126; NEVER_SETTABLE            ; Unable to parse the qualification 'None': only Education and GovernmentCommunityCloud can be set through this endpoint
            NONPROFIT                 ; SYNCHRONOUS  ; 400; 900126; NEVER_SETTABLE            ; Unable to parse the qualification 'Nonprofit': only Education and GovernmentCommunityCloud can be set through this endpoint
            STATE_OWNED_ENTITY        ; SYNCHRONOUS  ; 400; 900126; NOT_SETTABLE_SYNCHRONOUSLY; Unable to parse the qualification 'StateOwnedEntity': only Education and GovernmentCommunityCloud can be set through this endpoint
            NONE                      ; ASYNCHRONOUS ; 400; 900126; NEVER_SETTABLE            ; Unable to parse the qualification 'None': only Education, GovernmentCommunityCloud and StateOwnedEntity can be requested
            NONPROFIT                 ; ASYNCHRONOUS ; 400; 900126; NEVER_SETTABLE            ; Unable to parse the qualification 'Nonprofit': only Education, GovernmentCommunityCloud and StateOwnedEntity can be requested
            EDUCATION                 ; ASYNCHRONOUS ; 400;       ; EDUCATION_SEGMENT_REQUIRED; Education needs an educationSegment (K12 or HigherEducation).
            GOVERNMENT_COMMUNITY_CLOUD; SYNCHRONOUS  ; 400;       ; VALIDATION_CODE_REQUIRED  ; GovernmentCommunityCloud needs the partner's validation code.
            GOVERNMENT_COMMUNITY_CLOUD; ASYNCHRONOUS ; 400;       ; VALIDATION_CODE_REQUIRED  ; GovernmentCommunityCloud needs the partner's validation code.
            """)
    void refusals_keepTheirExactAnswers(Qualification q, ApiMode mode, int status, String serviceCode, Rule brokenRule,
            String description) {
        QualificationRequest request = QualificationRequest.of(freshCustomer(), q);
        // the fake refuses what the domain's rules refuse (the service's answer does not name the rule)
        assertThat(io.github.pcqualification.domain.rules.RequestRules.check(request, mode))
                .extracting(io.github.pcqualification.domain.rules.RuleViolation::rule).contains(brokenRule);

        UpdateOutcome outcome = send(request, mode);

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.error().httpStatus()).hasValue(status);
            assertThat(r.error().serviceCode()).isEqualTo(Optional.ofNullable(serviceCode));
            assertThat(r.error().description()).isEqualTo(description);
            assertThat(r.reason()).isEqualTo(Rejected.Reason.REQUEST_REFUSED);
        });
    }
}
