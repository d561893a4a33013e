package io.github.pcqualification.adapter.fake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test support: the contract of {@link QualificationPort} and {@link ValidationCodePort}, specified
 * once and run against every adapter: the fake directly, and the REST adapter talking over loopback
 * HTTP to the fake served by {@code FakePartnerCenterServer}.
 *
 * <p>A subclass provides, for each test, a fresh {@link #backend()} (the fake holding the state; the
 * contract adds its own customers with random ids, so a demo-seeded backend is fine) and the adapter
 * under test. Scripted latency should go through a non-sleeping {@link io.github.pcqualification.domain.policy.Sleeper}
 * such as {@link RecordingSleeper}. If the adapter retries transient failures, override
 * {@link #attemptsPerFailingOperation()} and give it a sleeper too, so retries wait for nothing.
 *
 * <p>Assertions compare what every adapter can know: outcome type, HTTP status, service code,
 * retry-after, stored state and the operation's ids, never {@code Rejected.rule()}.
 */
public abstract class QualificationPortContract {

    /** For subclasses: one per adapter under test. */
    protected QualificationPortContract() {}

    /**
     * The in-memory Partner Center behind the adapter: state and fault scripting.
     *
     * @return the same instance for a whole test, a fresh one for each test
     */
    protected abstract InMemoryPartnerCenter backend();

    /**
     * The adapter under test.
     *
     * @return an adapter whose every request reaches {@link #backend()}
     */
    protected abstract QualificationPort qualificationPort();

    /**
     * The adapter under test, for validation codes.
     *
     * @return an adapter whose every request reaches {@link #backend()}
     */
    protected abstract ValidationCodePort validationCodePort();

    /**
     * How many requests the adapter sends for one operation whose every attempt fails transiently
     * (429, 408, 5xx).
     *
     * @return the adapter's attempts per operation; 1 (the default) for an adapter that does not retry
     */
    protected int attemptsPerFailingOperation() {
        return 1;
    }

    /** The four operations of {@link QualificationPort}, for the specifications that hold for each. */
    public enum Operation {
        /** {@link QualificationPort#setQualification}: the synchronous {@code PUT}. */
        SET_SYNCHRONOUSLY,
        /** {@link QualificationPort#requestQualification}: the asynchronous (vetted) {@code POST}. */
        REQUEST_ASYNCHRONOUSLY,
        /** {@link QualificationPort#getQualification}: the synchronous {@code GET}. */
        GET_SYNCHRONOUSLY,
        /** {@link QualificationPort#getQualifications}: the asynchronous {@code GET}, with vetting. */
        GET_ASYNCHRONOUSLY
    }

    // ---------------------------------------------------------------- helpers

    private final OperationContext context = OperationContext.newOperation();

    private CustomerId newCustomer(Qualification... held) {
        CustomerId customer = new CustomerId(UUID.randomUUID());
        backend().addCustomer(customer, held);
        return customer;
    }

    private ValidationCode newCode(int max, int remaining) {
        ValidationCode code = ValidationCode.of("C-" + UUID.randomUUID().toString().substring(0, 18));
        backend().addValidationCode(code, max, remaining);
        return code;
    }

    private Outcome call(Operation operation, CustomerId customer) {
        return switch (operation) {
            case SET_SYNCHRONOUSLY -> qualificationPort().setQualification(QualificationRequest.education(customer), context);
            case REQUEST_ASYNCHRONOUSLY -> qualificationPort().requestQualification(
                    QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);
            case GET_SYNCHRONOUSLY -> qualificationPort().getQualification(customer, context);
            case GET_ASYNCHRONOUSLY -> qualificationPort().getQualifications(customer, context);
        };
    }

    private static CustomerQualification held(Qualification q) {
        return CustomerQualification.of(q);
    }

    private static VettingStatus status(VettingStatus.State state) {
        return VettingStatus.of(state);
    }

    private void assertRejected(UpdateOutcome outcome, int status, Optional<String> serviceCode) {
        assertThat(outcome).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) outcome;
        assertThat(rejected.error().httpStatus()).hasValue(status);
        assertThat(rejected.error().serviceCode()).isEqualTo(serviceCode);
        assertThat(rejected.context()).isEqualTo(context);
    }

    // ---------------------------------------------------------------- synchronous update and read

    @Test
    void syncEducation_onACustomerHoldingNothing_isUpdatedAndStored() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.EDUCATION), context));
        assertThat(backend().qualificationsOf(customer)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
    }

    @Test
    void syncGcc_withAPartnerCode_isUpdated_andConsumesExactlyOneCreate() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(5, 2);

        UpdateOutcome outcome = qualificationPort().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.GOVERNMENT_COMMUNITY_CLOUD), context));
        assertThat(backend().remainingCreates(code)).isEqualTo(1);
    }

    @Test
    void oneSuccessfulOperation_isOneRequest() {
        CustomerId customer = newCustomer();
        int before = backend().callCount();

        qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertThat(backend().callCount() - before).isEqualTo(1);
    }

    @Test
    void syncGet_ofACustomerHoldingNothing_isExactlyNone() {
        CustomerId customer = newCustomer();

        GetOutcome outcome = qualificationPort().getQualification(customer, context);

        assertThat(outcome).isEqualTo(new Found(customer, java.util.List.of(held(Qualification.NONE)), context));
    }

    @ParameterizedTest
    @EnumSource(value = Qualification.class, names = {"EDUCATION", "GOVERNMENT_COMMUNITY_CLOUD", "NONPROFIT", "STATE_OWNED_ENTITY"})
    void syncGet_reportsTheOneHeldValue_withoutVetting(Qualification value) {
        CustomerId customer = newCustomer(value);

        GetOutcome outcome = qualificationPort().getQualification(customer, context);

        assertThat(outcome).isEqualTo(new Found(customer, java.util.List.of(held(value)), context));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void unknownCustomer_isNotFound404_60003(Operation operation) {
        CustomerId stranger = new CustomerId(UUID.randomUUID());

        Outcome outcome = call(operation, stranger);

        assertThat(outcome).isInstanceOf(NotFound.class);
        NotFound notFound = (NotFound) outcome;
        assertThat(notFound.error().httpStatus()).hasValue(404);
        assertThat(notFound.error().serviceCode()).contains("60003");
        assertThat(notFound.context()).isEqualTo(context);
    }

    @Test
    void educationToGcc_isRejected403_600006_andTheCodeIsNotConsumed() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);
        ValidationCode code = newCode(3, 3);

        UpdateOutcome outcome = qualificationPort().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        assertRejected(outcome, 403, Optional.of("600006"));
        assertThat(backend().remainingCreates(code)).isEqualTo(3);
        assertThat(backend().qualificationsOf(customer)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
    }

    @Test
    void gccToEducation_isRejected403_600006() {
        CustomerId customer = newCustomer(Qualification.GOVERNMENT_COMMUNITY_CLOUD);

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertRejected(outcome, 403, Optional.of("600006"));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"NONPROFIT, EDUCATION", "NONPROFIT, GOVERNMENT_COMMUNITY_CLOUD", "STATE_OWNED_ENTITY, GOVERNMENT_COMMUNITY_CLOUD"})
    void anotherValueOnceSet_isIrreversible_403_600006(Qualification held, Qualification requested) {
        CustomerId customer = newCustomer(held);
        ValidationCode code = newCode(1, 1);
        QualificationRequest request = requested == Qualification.GOVERNMENT_COMMUNITY_CLOUD
                ? QualificationRequest.governmentCommunityCloud(customer, code)
                : QualificationRequest.of(customer, requested);

        UpdateOutcome outcome = qualificationPort().setQualification(request, context);

        assertRejected(outcome, 403, Optional.of("600006"));
        assertThat(backend().remainingCreates(code)).isEqualTo(1);
    }

    @Test
    void askingTheAdapterForAHeldValue_isRejected403_neverUnchanged() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertRejected(outcome, 403, Optional.of("600006"));
    }

    @Test
    void gcc_withACodeThatIsNotThePartners_isRejected400_andNothingChanges() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = qualificationPort().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, ValidationCode.of("NOT-OURS-" + UUID.randomUUID())),
                context);

        assertRejected(outcome, 400, Optional.empty());
        assertThat(backend().qualificationsOf(customer)).isEmpty();
    }

    @Test
    void gcc_withAUsedUpCode_isRejected400_andNothingChanges() {
        CustomerId customer = newCustomer();
        ValidationCode usedUp = newCode(1, 0);

        UpdateOutcome outcome = qualificationPort().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, usedUp), context);

        assertRejected(outcome, 400, Optional.empty());
        assertThat(backend().qualificationsOf(customer)).isEmpty();
        assertThat(backend().remainingCreates(usedUp)).isZero();
    }

    // ---------------------------------------------------------------- asynchronous create and read

    @Test
    void asyncEducation_startsInReview_datedByTheService() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = qualificationPort().requestQualification(QualificationRequest.education(customer,
                EducationSegment.HIGHER_EDUCATION, Optional.of(Website.of("contoso.edu"))), context);

        CustomerQualification stored = backend().qualificationsOf(customer).get(0);
        assertThat(stored.vetting().orElseThrow().status()).isEqualTo(status(VettingStatus.State.IN_REVIEW));
        assertThat(stored.vetting().orElseThrow().createdAt()).isPresent();
        assertThat(outcome).isEqualTo(new Updated(customer, stored, context));
    }

    @Test
    void asyncStateOwnedEntity_alongsideEducation_isAccepted() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);

        UpdateOutcome outcome = qualificationPort().requestQualification(
                QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(backend().qualificationsOf(customer)).extracting(CustomerQualification::qualification).containsExactly(
                ReportedQualification.of(Qualification.EDUCATION), ReportedQualification.of(Qualification.STATE_OWNED_ENTITY));
    }

    @Test
    void asyncGcc_consumesOneCreate() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(2, 2);

        UpdateOutcome outcome = qualificationPort().requestQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(backend().remainingCreates(code)).isEqualTo(1);
    }

    @Test
    void asyncEducation_forAGccCustomer_isRejected403_600006() {
        CustomerId customer = newCustomer(Qualification.GOVERNMENT_COMMUNITY_CLOUD);

        UpdateOutcome outcome = qualificationPort().requestQualification(
                QualificationRequest.education(customer, EducationSegment.K12, Optional.empty()), context);

        assertRejected(outcome, 403, Optional.of("600006"));
    }

    @Test
    void asyncGet_listsEveryQualificationWithItsVetting_asTheServiceMovesIt() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);
        qualificationPort().requestQualification(QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY),
                OperationContext.newOperation());
        backend().approve(customer, Qualification.STATE_OWNED_ENTITY);

        GetOutcome outcome = qualificationPort().getQualifications(customer, context);

        assertThat(outcome).isEqualTo(new Found(customer, backend().qualificationsOf(customer), context));
        assertThat(((Found) outcome).qualifications()).extracting(q -> q.vetting().orElseThrow().status())
                .containsExactly(status(VettingStatus.State.APPROVED), status(VettingStatus.State.APPROVED));
    }

    @Test
    void aDeniedQualification_reportsItsReason_andDoesNotCountAsHeld() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(1, 1);
        qualificationPort().requestQualification(
                QualificationRequest.education(customer, EducationSegment.K12, Optional.empty()), OperationContext.newOperation());
        backend().deny(customer, Qualification.EDUCATION, "Not an accredited school.");

        GetOutcome all = qualificationPort().getQualifications(customer, context);
        GetOutcome one = qualificationPort().getQualification(customer, context);
        UpdateOutcome gcc = qualificationPort().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        Vetting vetting = ((Found) all).qualifications().get(0).vetting().orElseThrow();
        assertThat(vetting.status()).isEqualTo(status(VettingStatus.State.DENIED));
        assertThat(vetting.reason()).contains("Not an accredited school.");
        assertThat(((Found) one).values()).containsExactly(ReportedQualification.of(Qualification.NONE));
        assertThat(gcc).isInstanceOf(Updated.class);
    }

    // ---------------------------------------------------------------- validation codes

    @Test
    void validationCodes_areListedWithTheirCounts() {
        ValidationCode fresh = newCode(5, 4);
        ValidationCode usedUp = newCode(1, 0);

        CodesOutcome outcome = validationCodePort().listValidationCodes(context);

        assertThat(outcome).isInstanceOf(CodesListed.class);
        assertThat(outcome.context()).isEqualTo(context);
        assertThat(((CodesListed) outcome).codes()).filteredOn(c -> c.code().equals(fresh)).singleElement()
                .satisfies(c -> {
                    assertThat(c.maxCreates()).hasValue(5);
                    assertThat(c.remainingCreates()).hasValue(4);
                    assertThat(c.isUsedUp()).isFalse();
                });
        assertThat(((CodesListed) outcome).codes()).filteredOn(c -> c.code().equals(usedUp))
                .singleElement().matches(PartnerValidationCode::isUsedUp);
    }

    // ---------------------------------------------------------------- scripted faults

    @ParameterizedTest
    @EnumSource(Operation.class)
    void throttled_isUnavailableWithTheRetryAfter_thenAnswersNormally(Operation operation) {
        CustomerId customer = newCustomer();
        backend().failNext(attemptsPerFailingOperation(), Fault.throttled(Duration.ofSeconds(2)));

        Outcome throttled = call(operation, customer);
        Outcome next = call(operation, customer);

        assertThat(throttled).isInstanceOf(Unavailable.class);
        Unavailable unavailable = (Unavailable) throttled;
        assertThat(unavailable.reason()).isEqualTo(Unavailable.Reason.THROTTLED);
        assertThat(unavailable.error().httpStatus()).hasValue(429);
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(unavailable.attempts()).isBetween(1, attemptsPerFailingOperation());
        assertThat(unavailable.context()).isEqualTo(context);
        assertThat(next).isNotInstanceOf(Unavailable.class);
    }

    @Test
    void throttledCodeListing_isUnavailableWithTheRetryAfter() {
        backend().failNext(attemptsPerFailingOperation(), Fault.throttled(Duration.ofSeconds(3)));

        CodesOutcome outcome = validationCodePort().listValidationCodes(context);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) outcome).retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(outcome.context()).isEqualTo(context);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void serverErrors_areUnavailable_withTheStatus(int status) {
        CustomerId customer = newCustomer();
        backend().failNext(attemptsPerFailingOperation(), Fault.serverError(status));

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        Unavailable unavailable = (Unavailable) outcome;
        assertThat(unavailable.reason()).isEqualTo(Unavailable.Reason.SERVER_ERROR);
        assertThat(unavailable.error().httpStatus()).hasValue(status);
        assertThat(unavailable.context()).isEqualTo(context);
        assertThat(backend().qualificationsOf(customer)).isEmpty();
    }

    @Test
    void aRefusedToken_isAnAuthenticationFailure_keepingThe401_afterOneRetryWithARenewedToken() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.unauthorized());
        int before = backend().callCount();

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        ErrorDetail answer = ErrorDetail.of(401, Optional.of("401"), "Access denied: the access token is invalid or expired.");
        CredentialProblem expected = CredentialProblem.refusedByService(answer);
        assertThat(outcome).isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
            assertThat(failed.problem().reason()).isEqualTo(expected.reason());
            assertThat(failed.problem().message()).isEqualTo(expected.message());
            ErrorDetail remote = failed.problem().remote().orElseThrow();
            assertThat(remote.httpStatus()).isEqualTo(answer.httpStatus());
            assertThat(remote.serviceCode()).isEqualTo(answer.serviceCode());
            assertThat(remote.description()).isEqualTo(answer.description());
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.context()).isEqualTo(context);
        });
        assertThat(backend().callCount() - before).as("the operation reached the service once").isEqualTo(1);
        assertThat(backend().qualificationsOf(customer)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 409, 412})
    void scriptedRejection_isRejectedWithItsStatusCodeAndDescription_once(int status) {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.rejected(status, "20002", "No relationship between partner and customer."));
        int before = backend().callCount();

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertRejected(outcome, status, Optional.of("20002"));
        assertThat(((Rejected) outcome).error().description()).isEqualTo("No relationship between partner and customer.");
        assertThat(backend().callCount() - before).as("a final answer is never retried").isEqualTo(1);
    }

    @Test
    void latency_delaysButDoesNotChangeTheAnswer() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.latency(Duration.ofMillis(1)));

        UpdateOutcome outcome = qualificationPort().setQualification(QualificationRequest.education(customer), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.EDUCATION), context));
    }

    @Test
    void aFaultForOneCustomer_leavesOthersAlone() {
        CustomerId unlucky = newCustomer();
        CustomerId other = newCustomer();
        backend().failFor(unlucky, attemptsPerFailingOperation(), Fault.unavailable());

        GetOutcome otherOutcome = qualificationPort().getQualification(other, context);
        GetOutcome unluckyOutcome = qualificationPort().getQualification(unlucky, context);

        assertThat(otherOutcome).isInstanceOf(Found.class);
        assertThat(unluckyOutcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) unluckyOutcome).error().httpStatus()).hasValue(503);
    }
}
