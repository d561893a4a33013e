package io.github.pcqualification.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
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
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import io.github.pcqualification.domain.service.RecordingPorts.Call;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Specification of the use cases in {@link QualificationService}, over recording ports. */
class QualificationServiceTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final ValidationCode CODE = ValidationCode.of("12345");
    private static final OperationContext FIRST = context(1);
    private static final OperationContext SECOND = context(2);

    private final RecordingPorts ports = new RecordingPorts();
    private final Deque<OperationContext> supplied = new ArrayDeque<>(List.of(FIRST, SECOND));

    private static OperationContext context(int n) {
        return new OperationContext(new CorrelationId(new UUID(0xC0, n)), new RequestId(new UUID(0xE0, n)));
    }

    private QualificationService service(ApiMode mode) {
        return new QualificationService(ports, ports, mode, supplied::removeFirst);
    }

    /** A request each API accepts. */
    private static QualificationRequest validEducation(ApiMode mode) {
        return mode == ApiMode.SYNCHRONOUS
                ? QualificationRequest.education(CUSTOMER)
                : QualificationRequest.education(CUSTOMER, EducationSegment.K12, Optional.empty());
    }

    private static Rejected rejected(OperationContext context) {
        return new Rejected(ErrorDetail.of(400, Optional.empty(), "Customer tagging denied."), Rejected.Reason.REQUEST_REFUSED,
                context);
    }

    private static Found found(OperationContext context, CustomerQualification... held) {
        return new Found(CUSTOMER, List.of(held), context);
    }

    /** Answers the update of {@code mode}'s API. */
    private RecordingPorts answerUpdate(ApiMode mode, Function<OperationContext, UpdateOutcome> answer) {
        return mode == ApiMode.SYNCHRONOUS ? ports.answerSet(answer) : ports.answerRequest(answer);
    }

    /** Answers the read of {@code mode}'s API. */
    private RecordingPorts answerRead(ApiMode mode, Function<OperationContext, GetOutcome> answer) {
        return mode == ApiMode.SYNCHRONOUS ? ports.answerGet(answer) : ports.answerGetAll(answer);
    }

    private static String updateMethod(ApiMode mode) {
        return mode == ApiMode.SYNCHRONOUS ? "setQualification" : "requestQualification";
    }

    private static String readMethod(ApiMode mode) {
        return mode == ApiMode.SYNCHRONOUS ? "getQualification" : "getQualifications";
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(ApiMode.SYNCHRONOUS, QualificationRequest.of(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                        List.of(Rule.VALIDATION_CODE_REQUIRED)),
                Arguments.of(ApiMode.ASYNCHRONOUS, QualificationRequest.of(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                        List.of(Rule.VALIDATION_CODE_REQUIRED)),
                Arguments.of(ApiMode.SYNCHRONOUS, QualificationRequest.of(CUSTOMER, Qualification.NONE),
                        List.of(Rule.NEVER_SETTABLE)),
                Arguments.of(ApiMode.ASYNCHRONOUS, QualificationRequest.of(CUSTOMER, Qualification.NONPROFIT),
                        List.of(Rule.NEVER_SETTABLE)),
                Arguments.of(ApiMode.SYNCHRONOUS, QualificationRequest.of(CUSTOMER, Qualification.STATE_OWNED_ENTITY),
                        List.of(Rule.NOT_SETTABLE_SYNCHRONOUSLY)),
                Arguments.of(ApiMode.ASYNCHRONOUS, QualificationRequest.education(CUSTOMER),
                        List.of(Rule.EDUCATION_SEGMENT_REQUIRED)),
                Arguments.of(ApiMode.SYNCHRONOUS, QualificationRequest.education(CUSTOMER).withValidationCode(CODE),
                        List.of(Rule.VALIDATION_CODE_NOT_ACCEPTED)));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @MethodSource("invalidRequests")
    void invalidRequest_isRefusedBeforeAnyPortCall(ApiMode mode, QualificationRequest request, List<Rule> broken) {
        QualificationService service = service(mode);

        UpdateOutcome outcome = service.update(request);

        assertThat(ports.calls()).isEmpty();
        assertThat(outcome).isInstanceOfSatisfying(InvalidRequest.class, invalid -> {
            assertThat(invalid.violations()).extracting(RuleViolation::rule).containsExactlyElementsOf(broken);
            assertThat(invalid.context()).isEqualTo(FIRST);
        });
    }

    @Test
    void gccWithoutCode_isRejectedBeforeAnyRequest() {
        QualificationService service = service(ApiMode.SYNCHRONOUS);

        UpdateOutcome outcome = service.update(QualificationRequest.of(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD));

        assertThat(outcome).isInstanceOf(InvalidRequest.class);
        assertThat(ports.calls()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void validUpdate_goesThroughItsApiOnceWithTheSuppliedContext(ApiMode mode) {
        QualificationRequest request = validEducation(mode);
        Updated updated = new Updated(CUSTOMER, CustomerQualification.of(Qualification.EDUCATION), FIRST);
        answerUpdate(mode, context -> updated);
        QualificationService service = service(mode);

        UpdateOutcome outcome = service.update(request);

        assertThat(outcome).isSameAs(updated);
        assertThat(ports.calls()).containsExactly(new Call(updateMethod(mode), request, FIRST));
        assertThat(service.mode()).isEqualTo(mode);
    }

    @Test
    void gccWithCode_isSentWithItsCode() {
        QualificationRequest request = QualificationRequest.governmentCommunityCloud(CUSTOMER, CODE);
        ports.answerSet(context -> new Updated(CUSTOMER,
                CustomerQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD), context));

        UpdateOutcome outcome = service(ApiMode.SYNCHRONOUS).update(request);

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(ports.calls()).singleElement().extracting(Call::argument).isEqualTo(request);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void rejectedWhileTheCustomerHoldsTheValue_isUnchanged(ApiMode mode) {
        CustomerQualification held = mode == ApiMode.SYNCHRONOUS
                ? CustomerQualification.of(Qualification.EDUCATION)
                : new CustomerQualification(ReportedQualification.of(Qualification.EDUCATION),
                        Optional.of(Vetting.of(VettingStatus.of(VettingStatus.State.APPROVED))));
        answerUpdate(mode, QualificationServiceTest::rejected);
        answerRead(mode, context -> found(context, held));

        UpdateOutcome outcome = service(mode).update(validEducation(mode));

        assertThat(outcome).isEqualTo(new Unchanged(CUSTOMER, held, FIRST));
        assertThat(ports.methods()).containsExactly(updateMethod(mode), readMethod(mode));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void followUpRead_keepsTheCorrelationIdWithAFreshRequestId(ApiMode mode) {
        answerUpdate(mode, QualificationServiceTest::rejected);
        answerRead(mode, context -> found(context, CustomerQualification.of(Qualification.EDUCATION)));

        service(mode).update(validEducation(mode));

        Call followUp = ports.calls().get(1);
        assertThat(followUp.argument()).isEqualTo(CUSTOMER);
        assertThat(followUp.context().correlationId()).isEqualTo(FIRST.correlationId());
        assertThat(followUp.context().requestId()).isNotEqualTo(FIRST.requestId()).isNotEqualTo(SECOND.requestId());
        assertThat(supplied).containsExactly(SECOND);
    }

    static Stream<Arguments> holdingsWithoutTheRequestedValue() {
        return Stream.of(
                Arguments.of(ApiMode.SYNCHRONOUS, List.of(CustomerQualification.of(Qualification.NONE))),
                Arguments.of(ApiMode.SYNCHRONOUS, List.of(CustomerQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD))),
                Arguments.of(ApiMode.SYNCHRONOUS, List.of(CustomerQualification.of(ReportedQualification.fromWire("Commercial")))),
                Arguments.of(ApiMode.ASYNCHRONOUS, List.of()),
                Arguments.of(ApiMode.ASYNCHRONOUS, List.of(CustomerQualification.of(Qualification.STATE_OWNED_ENTITY))));
    }

    @ParameterizedTest(name = "[{index}] {0} holding {1}")
    @MethodSource("holdingsWithoutTheRequestedValue")
    void rejectedWhileTheCustomerDoesNotHoldTheValue_isReturnedAsIs(ApiMode mode, List<CustomerQualification> held) {
        Rejected rejected = rejected(FIRST);
        answerUpdate(mode, context -> rejected);
        answerRead(mode, context -> new Found(CUSTOMER, held, context));

        UpdateOutcome outcome = service(mode).update(validEducation(mode));

        assertThat(outcome).isSameAs(rejected);
        assertThat(ports.methods()).containsExactly(updateMethod(mode), readMethod(mode));
    }

    static Stream<Arguments> failedFollowUps() {
        Function<OperationContext, GetOutcome> notFound =
                context -> new NotFound(ErrorDetail.of(404, Optional.of("60003"), "tenant not found"), context);
        Function<OperationContext, GetOutcome> unavailable = context -> new Unavailable(Unavailable.Reason.TIMED_OUT,
                ErrorDetail.withoutResponse("timed out"), Optional.empty(), 1, context);
        Function<OperationContext, GetOutcome> rejectedRead = QualificationServiceTest::rejected;
        return Stream.of(ApiMode.values()).flatMap(mode -> Stream.of(
                Arguments.of(mode, "not found", notFound),
                Arguments.of(mode, "unavailable", unavailable),
                Arguments.of(mode, "rejected", rejectedRead)));
    }

    @ParameterizedTest(name = "[{index}] {0}, follow-up read {1}")
    @MethodSource("failedFollowUps")
    void followUpReadFailing_returnsTheOriginalRejection(ApiMode mode, String label, Function<OperationContext, GetOutcome> read) {
        Rejected rejected = rejected(FIRST);
        answerUpdate(mode, context -> rejected);
        answerRead(mode, read);

        UpdateOutcome outcome = service(mode).update(validEducation(mode));

        assertThat(outcome).isSameAs(rejected);
        assertThat(ports.calls()).hasSize(2);
    }

    static Stream<Arguments> otherFailures() {
        return Stream.of(ApiMode.values()).flatMap(mode -> Stream.of(
                Arguments.of(mode, new NotFound(ErrorDetail.of(404, Optional.of("60003"), "tenant not found"), FIRST)),
                Arguments.of(mode, new Unavailable(Unavailable.Reason.THROTTLED, ErrorDetail.of(429, Optional.empty(), "slow down"),
                        Optional.of(Duration.ofSeconds(57)), 3, FIRST))));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("otherFailures")
    void failureOtherThanRejection_isReturnedWithoutAFollowUpRead(ApiMode mode, UpdateOutcome failure) {
        answerUpdate(mode, context -> failure);

        UpdateOutcome outcome = service(mode).update(validEducation(mode));

        assertThat(outcome).isSameAs(failure);
        assertThat(ports.methods()).containsExactly(updateMethod(mode));
    }

    @Test
    void aRequestTheServiceDidNotAccept_cannotMeanAlreadyHeld_andCostsNoFollowUpRead() {
        // 400 on purpose: the domain decides by the adapter's classification, never by a status.
        Rejected rejected = new Rejected(ErrorDetail.of(400, Optional.empty(), "refused"), Rejected.Reason.NOT_ACCEPTED,
                FIRST);
        answerUpdate(ApiMode.SYNCHRONOUS, context -> rejected);

        UpdateOutcome outcome = service(ApiMode.SYNCHRONOUS).update(validEducation(ApiMode.SYNCHRONOUS));

        assertThat(outcome).isSameAs(rejected);
        assertThat(ports.methods()).containsExactly(updateMethod(ApiMode.SYNCHRONOUS));
    }

    @Test
    void aRefusalOfTheRequestItself_isFollowedByARead() {
        // 405 on purpose: the domain decides by the adapter's classification, never by a status.
        answerUpdate(ApiMode.SYNCHRONOUS, context -> new Rejected(ErrorDetail.of(405, Optional.empty(), "refused"),
                Rejected.Reason.REQUEST_REFUSED, context));
        answerRead(ApiMode.SYNCHRONOUS, context -> found(context, CustomerQualification.of(Qualification.EDUCATION)));

        UpdateOutcome outcome = service(ApiMode.SYNCHRONOUS).update(validEducation(ApiMode.SYNCHRONOUS));

        assertThat(outcome).isInstanceOf(Unchanged.class);
    }

    @Test
    void aDeniedQualification_doesNotCountAsHeld() {
        CustomerQualification denied = new CustomerQualification(ReportedQualification.of(Qualification.EDUCATION),
                Optional.of(new Vetting(VettingStatus.of(VettingStatus.State.DENIED), Optional.of("not a school"),
                        Optional.empty())));
        Rejected rejected = rejected(FIRST);
        answerUpdate(ApiMode.ASYNCHRONOUS, context -> rejected);
        answerRead(ApiMode.ASYNCHRONOUS, context -> found(context, denied));

        UpdateOutcome outcome = service(ApiMode.ASYNCHRONOUS).update(validEducation(ApiMode.ASYNCHRONOUS));

        assertThat(outcome).isSameAs(rejected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void get_readsThroughItsApiWithTheSuppliedContext(ApiMode mode) {
        answerRead(mode, context -> found(context, CustomerQualification.of(Qualification.EDUCATION)));

        GetOutcome outcome = service(mode).get(CUSTOMER);

        assertThat(outcome).isEqualTo(found(FIRST, CustomerQualification.of(Qualification.EDUCATION)));
        assertThat(ports.calls()).containsExactly(new Call(readMethod(mode), CUSTOMER, FIRST));
    }

    @Test
    void eachOperation_takesAFreshContextFromTheSupplier() {
        ports.answerGet(context -> found(context, CustomerQualification.of(Qualification.NONE)));
        QualificationService service = service(ApiMode.SYNCHRONOUS);

        GetOutcome first = service.get(CUSTOMER);
        GetOutcome second = service.get(CUSTOMER);

        assertThat(first.context()).isEqualTo(FIRST);
        assertThat(second.context()).isEqualTo(SECOND);
        assertThat(ports.calls()).extracting(Call::context).containsExactly(FIRST, SECOND);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void listValidationCodes_asksThePortWithTheSuppliedContext(ApiMode mode) {
        CodesListed listed = new CodesListed(List.of(PartnerValidationCode.of(CODE)), FIRST);
        ports.answerListCodes(context -> listed);

        CodesOutcome outcome = service(mode).listValidationCodes();

        assertThat(outcome).isSameAs(listed);
        assertThat(ports.calls()).containsExactly(new Call("listValidationCodes", null, FIRST));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ApiMode.class)
    void listValidations_asksThePortForTheCustomer_withTheSuppliedContext(ApiMode mode) {
        ValidationsListed listed = new ValidationsListed(CUSTOMER, List.of(CustomerValidation.of(CUSTOMER, CODE)), FIRST);
        ports.answerListValidations(context -> listed);

        ValidationsOutcome outcome = service(mode).listValidations(CUSTOMER);

        assertThat(outcome).isSameAs(listed);
        assertThat(ports.calls()).containsExactly(new Call("listValidations", CUSTOMER, FIRST));
    }

    @Test
    void listValidations_passesAFailureOnAsItCame() {
        NotFound notFound = new NotFound(ErrorDetail.of(404, Optional.of("60003"), "Tenant not found"), FIRST);
        ports.answerListValidations(context -> notFound);

        ValidationsOutcome outcome = service(ApiMode.SYNCHRONOUS).listValidations(CUSTOMER);

        assertThat(outcome).isSameAs(notFound);
        assertThat(ports.methods()).containsExactly("listValidations");
    }

    @Test
    void defaultContexts_areFreshForEachOperation() {
        ports.answerGet(context -> found(context, CustomerQualification.of(Qualification.NONE)));
        QualificationService service = new QualificationService(ports, ports, ApiMode.SYNCHRONOUS);

        GetOutcome first = service.get(CUSTOMER);
        GetOutcome second = service.get(CUSTOMER);

        assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
        assertThat(first.requestId()).isNotEqualTo(second.requestId());
    }
}
