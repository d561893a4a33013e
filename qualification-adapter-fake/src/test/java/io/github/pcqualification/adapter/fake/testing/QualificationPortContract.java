package io.github.pcqualification.adapter.fake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
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
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.ResilientPorts;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test support: the contract of {@link QualificationPort} and {@link ValidationCodePort} (the partner's codes and the
 * validations linked to a customer), specified once and run
 * against every adapter: the fake directly, and the REST adapter talking over loopback HTTP to the fake served by
 * {@code FakePartnerCenterServer}. Every case runs the adapter as the library does, behind
 * {@link ResilientPorts} ({@link #POLICY}, on virtual time: nothing waits for real), so scripted faults are
 * retried, throttled and counted exactly as in production.
 *
 * <p>A subclass provides, for each test, a fresh {@link #backend()} (the fake holding the state; the contract adds
 * its own customers with random ids, so a demo-seeded backend is fine) and the adapter under test, undecorated.
 * Scripted latency should go through a non-sleeping {@link io.github.pcqualification.domain.policy.Sleeper} such as
 * {@link RecordingSleeper}.
 *
 * <p>Assertions are exact equality of the whole outcome (type, every field, attempts, {@code Retry-After}, the
 * operation's ids) and of the waits, with one exception: {@link ErrorDetail#rawBody()}, the text a wire carried,
 * which an in-memory port has none of.
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

    /** The policy every case runs under: 3 attempts within 2 minutes, backing off from 1 s to 8 s (no jitter). */
    public static final RetryPolicy POLICY =
            new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8));

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
    private final RecordingSleeper time = new RecordingSleeper();
    private ResilientPorts resilient;

    /** The adapter under test as the library runs it: behind the resilience decorator, on virtual time. */
    private ResilientPorts port() {
        if (resilient == null) {
            resilient = ResilientPorts.over(qualificationPort(), validationCodePort()).retryPolicy(POLICY)
                    .clock(time.clock()).sleeper(time).jitter(() -> 1.0).build();
        }
        return resilient;
    }

    /** The outcome without the wire text an adapter kept: what every adapter can know. */
    private static Outcome portable(Outcome outcome) {
        if (outcome instanceof Rejected r) {
            return new Rejected(portable(r.error()), r.reason(), r.context());
        }
        if (outcome instanceof NotFound n) {
            return new NotFound(portable(n.error()), n.context());
        }
        if (outcome instanceof Unavailable u) {
            return new Unavailable(u.reason(), portable(u.error()), u.retryAfter(), u.attempts(), u.context());
        }
        if (outcome instanceof AuthenticationFailed a) {
            CredentialProblem p = a.problem();
            return new AuthenticationFailed(new CredentialProblem(p.reason(), p.message(),
                    p.remote().map(QualificationPortContract::portable)), a.attempts(), a.context());
        }
        return outcome;
    }

    private static ErrorDetail portable(ErrorDetail error) {
        return new ErrorDetail(error.httpStatus(), error.serviceCode(), error.description(), Optional.empty());
    }

    private void assertOutcome(Outcome actual, Outcome expected) {
        assertThat(portable(actual)).isEqualTo(expected);
    }

    private Rejected refused(int status, String code, String description) {
        return new Rejected(ErrorDetail.of(status, Optional.of(code), description), Rejected.Reason.REQUEST_REFUSED,
                context);
    }

    private Rejected refused(int status, String description) {
        return new Rejected(ErrorDetail.of(status, Optional.empty(), description), Rejected.Reason.REQUEST_REFUSED,
                context);
    }

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
            case SET_SYNCHRONOUSLY -> port().setQualification(QualificationRequest.education(customer), context);
            case REQUEST_ASYNCHRONOUSLY -> port().requestQualification(
                    QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);
            case GET_SYNCHRONOUSLY -> port().getQualification(customer, context);
            case GET_ASYNCHRONOUSLY -> port().getQualifications(customer, context);
        };
    }

    private static CustomerQualification held(Qualification q) {
        return CustomerQualification.of(q);
    }

    private static VettingStatus status(VettingStatus.State state) {
        return VettingStatus.of(state);
    }

    // ---------------------------------------------------------------- synchronous update and read

    @Test
    void syncEducation_onACustomerHoldingNothing_isUpdatedAndStored() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.EDUCATION), context));
        assertThat(backend().qualificationsOf(customer)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
    }

    @Test
    void syncGcc_withAPartnerCode_isUpdated_andConsumesExactlyOneCreate() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(5, 2);

        UpdateOutcome outcome = port().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.GOVERNMENT_COMMUNITY_CLOUD), context));
        assertThat(backend().remainingCreates(code)).isEqualTo(1);
    }

    @Test
    void oneSuccessfulOperation_isOneRequest() {
        CustomerId customer = newCustomer();
        int before = backend().callCount();

        port().setQualification(QualificationRequest.education(customer), context);

        assertThat(backend().callCount() - before).isEqualTo(1);
    }

    @Test
    void syncGet_ofACustomerHoldingNothing_isExactlyNone() {
        CustomerId customer = newCustomer();

        GetOutcome outcome = port().getQualification(customer, context);

        assertThat(outcome).isEqualTo(new Found(customer, java.util.List.of(held(Qualification.NONE)), context));
    }

    @ParameterizedTest
    @EnumSource(value = Qualification.class, names = {"EDUCATION", "GOVERNMENT_COMMUNITY_CLOUD", "NONPROFIT", "STATE_OWNED_ENTITY"})
    void syncGet_reportsTheOneHeldValue_withoutVetting(Qualification value) {
        CustomerId customer = newCustomer(value);

        GetOutcome outcome = port().getQualification(customer, context);

        assertThat(outcome).isEqualTo(new Found(customer, java.util.List.of(held(value)), context));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void unknownCustomer_isNotFound404_60003(Operation operation) {
        CustomerId stranger = new CustomerId(UUID.randomUUID());

        Outcome outcome = call(operation, stranger);

        assertOutcome(outcome, new NotFound(ErrorDetail.of(404, Optional.of("60003"), "Tenant not found: " + stranger),
                context));
    }

    @Test
    void educationToGcc_isRejected403_600006_andTheCodeIsNotConsumed() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);
        ValidationCode code = newCode(3, 3);

        UpdateOutcome outcome = port().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        assertOutcome(outcome, refused(403, "600006",
                "Education and GovernmentCommunityCloud cannot be combined: the customer already has Education"));
        assertThat(backend().remainingCreates(code)).isEqualTo(3);
        assertThat(backend().qualificationsOf(customer)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
    }

    @Test
    void gccToEducation_isRejected403_600006() {
        CustomerId customer = newCustomer(Qualification.GOVERNMENT_COMMUNITY_CLOUD);

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        assertOutcome(outcome, refused(403, "600006",
                "Education and GovernmentCommunityCloud cannot be combined: the customer already has"
                        + " GovernmentCommunityCloud"));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"NONPROFIT, EDUCATION", "NONPROFIT, GOVERNMENT_COMMUNITY_CLOUD", "STATE_OWNED_ENTITY, GOVERNMENT_COMMUNITY_CLOUD"})
    void anotherValueOnceSet_isIrreversible_403_600006(Qualification held, Qualification requested) {
        CustomerId customer = newCustomer(held);
        ValidationCode code = newCode(1, 1);
        QualificationRequest request = requested == Qualification.GOVERNMENT_COMMUNITY_CLOUD
                ? QualificationRequest.governmentCommunityCloud(customer, code)
                : QualificationRequest.of(customer, requested);

        UpdateOutcome outcome = port().setQualification(request, context);

        assertOutcome(outcome, refused(403, "600006", "a qualification cannot be changed once set: the customer"
                + " already has " + ReportedQualification.of(held)));
        assertThat(backend().remainingCreates(code)).isEqualTo(1);
    }

    @Test
    void askingTheAdapterForAHeldValue_isRejected403_neverUnchanged() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        assertOutcome(outcome, refused(403, "600006",
                "The customer already has the qualification Education; it cannot be set again."));
    }

    @Test
    void gcc_withACodeThatIsNotThePartners_isRejected400_andNothingChanges() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, ValidationCode.of("NOT-OURS-" + UUID.randomUUID())),
                context);

        assertOutcome(outcome, refused(400, "The validation code is not one of the partner's validation codes."));
        assertThat(backend().qualificationsOf(customer)).isEmpty();
    }

    @Test
    void gcc_withAUsedUpCode_isRejected400_andNothingChanges() {
        CustomerId customer = newCustomer();
        ValidationCode usedUp = newCode(1, 0);

        UpdateOutcome outcome = port().setQualification(
                QualificationRequest.governmentCommunityCloud(customer, usedUp), context);

        assertOutcome(outcome, refused(400, "The validation code has no remaining creates."));
        assertThat(backend().qualificationsOf(customer)).isEmpty();
        assertThat(backend().remainingCreates(usedUp)).isZero();
    }

    // ---------------------------------------------------------------- asynchronous create and read

    @Test
    void asyncEducation_startsInReview_datedByTheService() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().requestQualification(QualificationRequest.education(customer,
                EducationSegment.HIGHER_EDUCATION, Optional.of(Website.of("contoso.edu"))), context);

        CustomerQualification stored = backend().qualificationsOf(customer).get(0);
        assertThat(stored.vetting().orElseThrow().status()).isEqualTo(status(VettingStatus.State.IN_REVIEW));
        assertThat(stored.vetting().orElseThrow().createdAt()).isPresent();
        assertThat(outcome).isEqualTo(new Updated(customer, stored, context));
    }

    @Test
    void asyncStateOwnedEntity_alongsideEducation_isAccepted() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);

        UpdateOutcome outcome = port().requestQualification(
                QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(backend().qualificationsOf(customer)).extracting(CustomerQualification::qualification).containsExactly(
                ReportedQualification.of(Qualification.EDUCATION), ReportedQualification.of(Qualification.STATE_OWNED_ENTITY));
    }

    @Test
    void asyncGcc_consumesOneCreate() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(2, 2);

        UpdateOutcome outcome = port().requestQualification(
                QualificationRequest.governmentCommunityCloud(customer, code), context);

        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(backend().remainingCreates(code)).isEqualTo(1);
    }

    @Test
    void asyncEducation_forAGccCustomer_isRejected403_600006() {
        CustomerId customer = newCustomer(Qualification.GOVERNMENT_COMMUNITY_CLOUD);

        UpdateOutcome outcome = port().requestQualification(
                QualificationRequest.education(customer, EducationSegment.K12, Optional.empty()), context);

        assertOutcome(outcome, refused(403, "600006",
                "Education and GovernmentCommunityCloud cannot be combined: the customer already has"
                        + " GovernmentCommunityCloud"));
    }

    @Test
    void asyncGet_listsEveryQualificationWithItsVetting_asTheServiceMovesIt() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);
        port().requestQualification(QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY),
                OperationContext.newOperation());
        backend().approve(customer, Qualification.STATE_OWNED_ENTITY);

        GetOutcome outcome = port().getQualifications(customer, context);

        assertThat(outcome).isEqualTo(new Found(customer, backend().qualificationsOf(customer), context));
        assertThat(((Found) outcome).qualifications()).extracting(q -> q.vetting().orElseThrow().status())
                .containsExactly(status(VettingStatus.State.APPROVED), status(VettingStatus.State.APPROVED));
    }

    @Test
    void aDeniedQualification_reportsItsReason_andDoesNotCountAsHeld() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(1, 1);
        port().requestQualification(
                QualificationRequest.education(customer, EducationSegment.K12, Optional.empty()), OperationContext.newOperation());
        backend().deny(customer, Qualification.EDUCATION, "Not an accredited school.");

        GetOutcome all = port().getQualifications(customer, context);
        GetOutcome one = port().getQualification(customer, context);
        UpdateOutcome gcc = port().setQualification(
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

        CodesOutcome outcome = port().listValidationCodes(context);

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

    // ---------------------------------------------------------------- validations linked to a customer

    /** A validation as the fake links it: its partner id, organization name and entity tag. */
    private static CustomerValidation linked(CustomerId customer, ValidationCode code) {
        return new CustomerValidation(customer, Optional.of(InMemoryPartnerCenter.PARTNER_ID), code,
                Optional.of(InMemoryPartnerCenter.ORGANIZATION_NAME),
                Optional.of(InMemoryPartnerCenter.LINKED_VALIDATION_ETAG));
    }

    @ParameterizedTest
    @EnumSource(value = Qualification.class, names = {"NONE", "EDUCATION", "GOVERNMENT_COMMUNITY_CLOUD"})
    void customerValidations_ofACustomerNeverQualifiedWithACode_areAnEmptyListing(Qualification seeded) {
        CustomerId customer = newCustomer(seeded);

        ValidationsOutcome outcome = port().listValidations(customer, context);

        assertOutcome(outcome, new ValidationsListed(customer, List.of(), context));
    }

    @ParameterizedTest(name = "asynchronously: {0}")
    @ValueSource(booleans = {false, true})
    void aGccUpdateWithACode_linksThatCodeToTheCustomer(boolean asynchronously) {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(5, 2);
        newCode(3, 3);
        QualificationRequest gcc = QualificationRequest.governmentCommunityCloud(customer, code);
        UpdateOutcome updated = asynchronously ? port().requestQualification(gcc, OperationContext.newOperation())
                : port().setQualification(gcc, OperationContext.newOperation());

        ValidationsOutcome outcome = port().listValidations(customer, context);

        assertThat(updated).isInstanceOf(Updated.class);
        assertOutcome(outcome, new ValidationsListed(customer, List.of(linked(customer, code)), context));
    }

    @Test
    void aRefusedGccUpdate_linksNothing() {
        CustomerId customer = newCustomer(Qualification.EDUCATION);
        ValidationCode code = newCode(1, 1);
        port().setQualification(QualificationRequest.governmentCommunityCloud(customer, code),
                OperationContext.newOperation());

        ValidationsOutcome outcome = port().listValidations(customer, context);

        assertOutcome(outcome, new ValidationsListed(customer, List.of(), context));
    }

    @Test
    void customerValidations_ofAnUnknownCustomer_areNotFound404_60003() {
        CustomerId stranger = new CustomerId(UUID.randomUUID());

        ValidationsOutcome outcome = port().listValidations(stranger, context);

        assertOutcome(outcome, new NotFound(ErrorDetail.of(404, Optional.of("60003"), "Tenant not found: " + stranger),
                context));
    }

    @Test
    void customerValidations_throttledOnce_areRetriedThroughTheDecorator_afterExactlyTheRetryAfter() {
        CustomerId customer = newCustomer();
        ValidationCode code = newCode(1, 1);
        port().setQualification(QualificationRequest.governmentCommunityCloud(customer, code),
                OperationContext.newOperation());
        backend().failFor(customer, 1, Fault.throttled(Duration.ofSeconds(1)));
        int before = backend().callCount();

        ValidationsOutcome outcome = port().listValidations(customer, context);

        assertOutcome(outcome, new ValidationsListed(customer, List.of(linked(customer, code)), context));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(backend().callCount() - before).isEqualTo(2);
    }

    @Test
    void customerValidations_throttledOnEveryAttempt_areUnavailable_afterExactlyThePolicysAttempts() {
        CustomerId customer = newCustomer();
        backend().failNext(POLICY.maxAttempts(), Fault.throttled(Duration.ofSeconds(2)));

        ValidationsOutcome outcome = port().listValidations(customer, context);

        assertOutcome(outcome, throttledOutcome(2, 3));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    // ---------------------------------------------------------------- requests that break the rules, sent to the port

    @Test
    void syncStateOwnedEntity_sentToThePort_isTheServicesRefusal_900126() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().setQualification(QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY),
                context);

        assertOutcome(outcome, refused(400, "900126", "Unable to parse the qualification 'StateOwnedEntity': only"
                + " Education and GovernmentCommunityCloud can be set through this endpoint"));
        assertThat(backend().qualificationsOf(customer)).isEmpty();
    }

    @Test
    void asyncNonprofit_sentToThePort_isTheServicesRefusal_900126() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().requestQualification(QualificationRequest.of(customer, Qualification.NONPROFIT),
                context);

        assertOutcome(outcome, refused(400, "900126", "Unable to parse the qualification 'Nonprofit': only"
                + " Education, GovernmentCommunityCloud and StateOwnedEntity can be requested"));
    }

    @Test
    void gccWithoutACode_sentToThePort_isRefused400() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().setQualification(
                QualificationRequest.of(customer, Qualification.GOVERNMENT_COMMUNITY_CLOUD), context);

        assertOutcome(outcome, refused(400, "GovernmentCommunityCloud needs the partner's validation code."));
    }

    @Test
    void asyncEducationWithoutASegment_sentToThePort_isRefused400() {
        CustomerId customer = newCustomer();

        UpdateOutcome outcome = port().requestQualification(QualificationRequest.education(customer), context);

        assertOutcome(outcome, refused(400, "Education needs an educationSegment (K12 or HigherEducation)."));
    }

    // ---------------------------------------------------------------- scripted faults, through the decorator

    private static Unavailable.Reason serverReason(int status) {
        return status == 408 || status == 500 || status == 502 || status == 503 || status == 504
                ? Unavailable.Reason.SERVER_ERROR : Unavailable.Reason.PERMANENT_SERVER_ERROR;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 408 -> "Request Timeout";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server error " + status;
        };
    }

    private Unavailable throttledOutcome(long seconds, int attempts) {
        return new Unavailable(Unavailable.Reason.THROTTLED, ErrorDetail.of(429, Optional.empty(),
                "Rate limit is exceeded. Try again in " + seconds + " seconds."), Optional.of(Duration.ofSeconds(seconds)),
                attempts, context);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void throttledOnce_waitsExactlyTheRetryAfter_thenAnswersAsUsual(Operation operation) {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.throttled(Duration.ofSeconds(1)));
        int before = backend().callCount();

        Outcome outcome = call(operation, customer);

        assertThat(outcome).isNotInstanceOf(io.github.pcqualification.domain.outcome.Failure.class);
        assertThat(outcome.context()).isEqualTo(context);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(backend().callCount() - before).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void throttledOnEveryAttempt_isUnavailable_afterExactlyThePolicysAttempts(Operation operation) {
        CustomerId customer = newCustomer();
        backend().failNext(POLICY.maxAttempts(), Fault.throttled(Duration.ofSeconds(2)));

        Outcome throttled = call(operation, customer);
        Outcome next = call(operation, customer);

        assertOutcome(throttled, throttledOutcome(2, 3));
        // the first throttling waits its Retry-After; the next the backoff (2 s, no jitter), never less than it
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(next).isNotInstanceOf(Unavailable.class);
    }

    @Test
    void throttledCodeListing_isUnavailableWithTheRetryAfter() {
        backend().failNext(POLICY.maxAttempts(), Fault.throttled(Duration.ofSeconds(3)));

        CodesOutcome outcome = port().listValidationCodes(context);

        assertOutcome(outcome, throttledOutcome(3, 3));
    }

    @Test
    void aRetryAfterPastTheDeadline_endsAtOnce_carryingIt() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.throttled(Duration.ofMinutes(5)));

        Outcome outcome = call(Operation.GET_SYNCHRONOUSLY, customer);

        assertOutcome(outcome, throttledOutcome(300, 1));
        assertThat(time.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void transientServerErrors_areRetried_thenUnavailable_withTheStatus(int status) {
        CustomerId customer = newCustomer();
        backend().failNext(POLICY.maxAttempts(), Fault.serverError(status));

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        assertOutcome(outcome, new Unavailable(Unavailable.Reason.SERVER_ERROR,
                ErrorDetail.of(status, Optional.empty(), reasonPhrase(status)), Optional.empty(), 3, context));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backend().qualificationsOf(customer)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 505, 599})
    void permanentServerErrors_areNotRetried(int status) {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.serverError(status));
        int before = backend().callCount();

        GetOutcome outcome = port().getQualification(customer, context);

        assertOutcome(outcome, new Unavailable(serverReason(status),
                ErrorDetail.of(status, Optional.empty(), reasonPhrase(status)), Optional.empty(), 1, context));
        assertThat(backend().callCount() - before).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aServerErrorThenSuccess_isTheSuccess() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.unavailable());

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.EDUCATION), context));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedToken_isAnAuthenticationFailure_keepingThe401_afterOneRepeatWithARenewedToken() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.unauthorized());
        int before = backend().callCount();

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        ErrorDetail answer = ErrorDetail.of(401, Optional.of("401"), "Access denied: the access token is invalid or expired.");
        assertOutcome(outcome, new AuthenticationFailed(CredentialProblem.refusedByService(answer), 2, context));
        assertThat(backend().callCount() - before).as("the operation reached the service once").isEqualTo(1);
        assertThat(backend().qualificationsOf(customer)).isEmpty();
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aServerErrorThenARefusedToken_countsEveryRequest() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.unavailable()).failNext(1, Fault.unauthorized());

        GetOutcome outcome = port().getQualification(customer, context);

        ErrorDetail answer = ErrorDetail.of(401, Optional.of("401"), "Access denied: the access token is invalid or expired.");
        assertOutcome(outcome, new AuthenticationFailed(CredentialProblem.refusedByService(answer), 3, context));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 402, 403, 405, 406, 409, 410, 412, 415, 422, 451})
    void scriptedRejection_isRejectedWithItsStatusCodeDescriptionAndKind_once(int status) {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.rejected(status, "20002", "No relationship between partner and customer."));
        int before = backend().callCount();

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        Rejected.Reason kind = status == 400 || status == 403 || status == 409 ? Rejected.Reason.REQUEST_REFUSED
                : Rejected.Reason.NOT_ACCEPTED;
        assertOutcome(outcome, new Rejected(ErrorDetail.of(status, Optional.of("20002"),
                "No relationship between partner and customer."), kind, context));
        assertThat(backend().callCount() - before).as("a final answer is never retried").isEqualTo(1);
    }

    @Test
    void latency_delaysButDoesNotChangeTheAnswer() {
        CustomerId customer = newCustomer();
        backend().failNext(1, Fault.latency(Duration.ofMillis(1)));

        UpdateOutcome outcome = port().setQualification(QualificationRequest.education(customer), context);

        assertThat(outcome).isEqualTo(new Updated(customer, held(Qualification.EDUCATION), context));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aFaultForOneCustomer_leavesOthersAlone() {
        CustomerId unlucky = newCustomer();
        CustomerId other = newCustomer();
        backend().failFor(unlucky, POLICY.maxAttempts(), Fault.unavailable());

        GetOutcome otherOutcome = port().getQualification(other, context);
        GetOutcome unluckyOutcome = port().getQualification(unlucky, context);

        assertThat(otherOutcome).isEqualTo(new Found(other, List.of(held(Qualification.NONE)), context));
        assertOutcome(unluckyOutcome, new Unavailable(Unavailable.Reason.SERVER_ERROR,
                ErrorDetail.of(503, Optional.empty(), "Service Unavailable"), Optional.empty(), 3, context));
    }
}
