package io.github.pcqualification.domain;

import com.google.common.testing.NullPointerTester;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.github.pcqualification.domain.rules.RequestRules;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import io.github.pcqualification.domain.rules.Transition;
import io.github.pcqualification.domain.rules.TransitionRules;
import io.github.pcqualification.domain.service.QualificationService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public constructor, factory and method of the domain refuses {@code null} with a
 * {@link NullPointerException} (Guava's NullPointerTester), except the lenient name parsers, which are
 * specified to answer empty for {@code null}.
 */
class NullHandlingTest {

    private static NullPointerTester tester() throws NoSuchMethodException {
        CustomerId customer = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
        return new NullPointerTester()
                .setDefault(UUID.class, new UUID(1, 2))
                .setDefault(String.class, "Education")
                .setDefault(CustomerId.class, customer)
                .setDefault(ValidationCode.class, ValidationCode.of("12345"))
                .setDefault(Website.class, Website.of("contoso.edu"))
                .setDefault(ReportedQualification.class, ReportedQualification.of(Qualification.EDUCATION))
                .setDefault(VettingStatus.class, VettingStatus.of(VettingStatus.State.IN_REVIEW))
                .setDefault(CustomerQualification.class, CustomerQualification.of(Qualification.EDUCATION))
                .setDefault(QualificationRequest.class, QualificationRequest.education(customer))
                .setDefault(CorrelationId.class, CorrelationId.random())
                .setDefault(RequestId.class, RequestId.random())
                .setDefault(OperationContext.class, OperationContext.newOperation())
                .setDefault(ErrorDetail.class, ErrorDetail.withoutResponse("failed"))
                .setDefault(RuleViolation.class, new RuleViolation(Rule.IRREVERSIBLE, "cannot change"))
                .setDefault(List.class, List.of(new RuleViolation(Rule.IRREVERSIBLE, "cannot change")))
                .ignore(Qualification.class.getMethod("fromName", String.class))
                .ignore(EducationSegment.class.getMethod("fromName", String.class));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(classes = {
            CustomerId.class, ValidationCode.class, Website.class, CorrelationId.class, RequestId.class,
            OperationContext.class, CustomerQualification.class, Vetting.class, PartnerValidationCode.class,
            CustomerValidation.class, ValidationsListed.class,
            QualificationRequest.class, ReportedQualification.class, ReportedQualification.Known.class,
            ReportedQualification.Unknown.class, VettingStatus.class, VettingStatus.Known.class,
            VettingStatus.Unknown.class, Qualification.class, EducationSegment.class, Printable.class,
            ErrorDetail.class, Found.class, CodesListed.class, InvalidRequest.class, NotFound.class, Rejected.class,
            Unavailable.class, Unchanged.class, Updated.class,
            RuleViolation.class, Transition.Refused.class, RequestRules.class, TransitionRules.class,
            QualificationService.class})
    void nullArguments_areRefusedWithNullPointerException(Class<?> type) throws Exception {
        NullPointerTester tester = tester();

        tester.testAllPublicConstructors(type);
        tester.testAllPublicStaticMethods(type);

        // assertions are the tester's own: it fails if any null argument is accepted
    }

    @Test
    void instanceMethods_refuseNullArguments() throws Exception {
        NullPointerTester tester = tester();
        CustomerId customer = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
        QualificationService service = new QualificationService(new NoCallPorts(), new NoCallPorts(),
                ApiMode.SYNCHRONOUS);

        tester.testAllPublicInstanceMethods(QualificationRequest.education(customer));
        tester.testAllPublicInstanceMethods(service);

        // assertions are the tester's own: it fails if any null argument is accepted
    }

    /** Ports that fail the test if the service calls them: a null argument must be refused before. */
    private static final class NoCallPorts implements QualificationPort,
            ValidationCodePort {

        private static AssertionError called() {
            return new AssertionError("a port was called with a null argument instead of being refused");
        }

        @Override
        public UpdateOutcome setQualification(QualificationRequest request,
                OperationContext context) {
            throw called();
        }

        @Override
        public UpdateOutcome requestQualification(QualificationRequest request,
                OperationContext context) {
            throw called();
        }

        @Override
        public GetOutcome getQualification(CustomerId customer,
                OperationContext context) {
            throw called();
        }

        @Override
        public GetOutcome getQualifications(CustomerId customer,
                OperationContext context) {
            throw called();
        }

        @Override
        public CodesOutcome listValidationCodes(OperationContext context) {
            throw called();
        }

        @Override
        public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
            throw called();
        }
    }
}
