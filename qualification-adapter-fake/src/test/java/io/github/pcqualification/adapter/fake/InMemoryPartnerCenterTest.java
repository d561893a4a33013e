package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only the fake itself promises (seeding, rule names, sleeping); the shared behaviour is in the contract. */
class InMemoryPartnerCenterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.750Z");

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final InMemoryPartnerCenter fake = new InMemoryPartnerCenter(Clock.fixed(NOW, ZoneOffset.UTC), sleeper);
    private final OperationContext context = OperationContext.newOperation();

    private static CustomerId newCustomer() {
        return new CustomerId(UUID.randomUUID());
    }

    @Test
    void seedingEducationWithGcc_isRefusedAsCallerMisuse() {
        CustomerId customer = newCustomer();

        assertThatThrownBy(() -> fake.addCustomer(customer, Qualification.EDUCATION, Qualification.GOVERNMENT_COMMUNITY_CLOUD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hold GovernmentCommunityCloud");
    }

    @Test
    void seedingEducationWithStateOwnedEntity_isAllowed_andNoneMeansNothing() {
        CustomerId customer = newCustomer();

        fake.addCustomer(customer, Qualification.NONE, Qualification.EDUCATION, Qualification.STATE_OWNED_ENTITY);

        assertThat(fake.qualificationsOf(customer)).extracting(CustomerQualification::qualification).containsExactly(
                ReportedQualification.of(Qualification.EDUCATION), ReportedQualification.of(Qualification.STATE_OWNED_ENTITY));
    }

    @Test
    void addingTheSameCustomerTwice_isRefused() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);

        assertThatThrownBy(() -> fake.addCustomer(customer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already added");
    }

    @Test
    void validationCodeCounts_mustBeConsistent() {
        assertThatThrownBy(() -> fake.addValidationCode(ValidationCode.of("A"), 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.addValidationCode(ValidationCode.of("B"), -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.addValidationCode(ValidationCode.of("C"), 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThrottledFaultLongerThanAnyRetryAfterHeader_isCallerMisuse() {
        assertThatThrownBy(() -> Fault.throttled(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999999999");
        assertThat(Fault.throttled(Duration.ofSeconds(Fault.Throttled.MAX_SECONDS))).isNotNull();
    }

    @Test
    void inspectingAnUnknownCustomer_isCallerMisuse() {
        assertThatThrownBy(() -> fake.qualificationsOf(newCustomer())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown customer");
    }

    @ParameterizedTest
    @EnumSource(value = Qualification.class, names = {"NONE", "NONPROFIT", "STATE_OWNED_ENTITY"})
    void syncPutOfAValueItCannotSet_isRefused400_900126(Qualification value) {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);

        Rejected rejected = (Rejected) fake.setQualification(QualificationRequest.of(customer, value), context);

        assertThat(rejected.error().httpStatus()).hasValue(400);
        assertThat(rejected.error().serviceCode()).contains("900126");
        assertThat(rejected.reason()).isEqualTo(Rejected.Reason.REQUEST_REFUSED);
        assertThat(fake.qualificationsOf(customer)).isEmpty();
    }

    @Test
    void refusedTransition_isRefused403_inTheRulesWords() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer, Qualification.EDUCATION).addValidationCode(ValidationCode.of("CODE"), 1, 1);

        Rejected rejected = (Rejected) fake.setQualification(
                QualificationRequest.governmentCommunityCloud(customer, ValidationCode.of("CODE")), context);

        assertThat(rejected.reason()).isEqualTo(Rejected.Reason.REQUEST_REFUSED);
        assertThat(rejected.error().description()).isEqualTo(
                "Education and GovernmentCommunityCloud cannot be combined: the customer already has Education");
        assertThat(fake.remainingCreates(ValidationCode.of("CODE"))).isEqualTo(1);
    }

    @Test
    void alreadyHeld_isRejectedAsIrreversible_neverUnchanged() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer, Qualification.EDUCATION);

        Rejected rejected = (Rejected) fake.setQualification(QualificationRequest.education(customer), context);

        assertThat(rejected.reason()).isEqualTo(Rejected.Reason.REQUEST_REFUSED);
        assertThat(rejected.error().description()).isEqualTo(
                "The customer already has the qualification Education; it cannot be set again.");
    }

    @Test
    void asyncRequest_isDatedByTheClock_toTheSecond() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);

        Updated updated = (Updated) fake.requestQualification(
                QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);

        assertThat(updated.qualification().vetting()).contains(new Vetting(VettingStatus.of(VettingStatus.State.IN_REVIEW),
                Optional.empty(), Optional.of(Instant.parse("2026-03-01T10:15:30Z"))));
    }

    @Test
    void approvingOrDenyingWhatTheCustomerNeverAskedFor_isCallerMisuse() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);

        assertThatThrownBy(() -> fake.approve(customer, Qualification.EDUCATION)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.deny(newCustomer(), Qualification.EDUCATION, "no"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.deny(customer, Qualification.EDUCATION, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deniedQualificationCanBeAskedForAgain_andStartsInReviewAgain() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);
        QualificationRequest request = QualificationRequest.education(customer, EducationSegment.K12, Optional.empty());
        fake.requestQualification(request, context);
        fake.deny(customer, Qualification.EDUCATION, "not a school");

        Updated again = (Updated) fake.requestQualification(request, context);

        assertThat(again.qualification().vetting().orElseThrow().status())
                .isEqualTo(VettingStatus.of(VettingStatus.State.IN_REVIEW));
        assertThat(fake.qualificationsOf(customer)).hasSize(1);
    }

    @Test
    void gccSuccesses_linkTheCodeTheyUsed_listedInTheOrderLinked() {
        CustomerId customer = newCustomer();
        ValidationCode first = ValidationCode.of("FIRST-1");
        ValidationCode second = ValidationCode.of("SECOND-2");
        fake.addCustomer(customer).addValidationCode(first, 1, 1).addValidationCode(second, 1, 1);
        fake.requestQualification(QualificationRequest.governmentCommunityCloud(customer, first), context);
        fake.deny(customer, Qualification.GOVERNMENT_COMMUNITY_CLOUD, "not a government body");
        fake.setQualification(QualificationRequest.governmentCommunityCloud(customer, second), context);

        ValidationsListed listed = (ValidationsListed) fake.listValidations(customer, context);

        assertThat(listed).isEqualTo(new ValidationsListed(customer, List.of(linked(customer, first),
                linked(customer, second)), context));
    }

    @Test
    void onlyAGccSuccessLinksACode_neitherSeedingNorARefusal() {
        CustomerId seeded = newCustomer();
        CustomerId refused = newCustomer();
        CustomerId education = newCustomer();
        ValidationCode usedUp = ValidationCode.of("USED-UP");
        ValidationCode fresh = ValidationCode.of("FRESH");
        fake.addCustomer(seeded, Qualification.GOVERNMENT_COMMUNITY_CLOUD).addCustomer(refused)
                .addCustomer(education, Qualification.EDUCATION)
                .addValidationCode(usedUp, 1, 0).addValidationCode(fresh, 1, 1);
        fake.setQualification(QualificationRequest.governmentCommunityCloud(refused, usedUp), context);
        fake.setQualification(QualificationRequest.governmentCommunityCloud(education, fresh), context);
        fake.setQualification(QualificationRequest.governmentCommunityCloud(seeded, fresh), context);

        for (CustomerId customer : List.of(seeded, refused, education)) {
            assertThat(fake.listValidations(customer, context)).isEqualTo(new ValidationsListed(customer, List.of(), context));
        }
        assertThat(fake.remainingCreates(fresh)).isEqualTo(1);
    }

    @Test
    void aCustomersScriptedFaults_meetItsValidations_butNotThePartnersCodes() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer).failFor(customer, 1, Fault.serverError(502));

        CodesListed codes = (CodesListed) fake.listValidationCodes(context);
        Unavailable failed = (Unavailable) fake.listValidations(customer, context);
        ValidationsListed next = (ValidationsListed) fake.listValidations(customer, context);

        assertThat(codes.codes()).isEmpty();
        assertThat(failed.error().httpStatus()).hasValue(502);
        assertThat(next.validations()).isEmpty();
        assertThat(fake.callCount()).isEqualTo(3);
    }

    private static CustomerValidation linked(CustomerId customer, ValidationCode code) {
        return new CustomerValidation(customer, Optional.of(InMemoryPartnerCenter.PARTNER_ID), code,
                Optional.of(InMemoryPartnerCenter.ORGANIZATION_NAME), Optional.of(InMemoryPartnerCenter.LINKED_VALIDATION_ETAG));
    }

    @Test
    void latency_waitsThroughTheSleeper_thenAnswersNormally() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer).failNext(2, Fault.latency(Duration.ofSeconds(3)));

        fake.getQualification(customer, context);
        fake.getQualification(customer, context);
        Found third = (Found) fake.getQualification(customer, context);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(third.values()).containsExactly(ReportedQualification.of(Qualification.NONE));
    }

    @Test
    void interruptedDuringLatency_answersTimedOut_andKeepsTheInterruptFlag() {
        InMemoryPartnerCenter interrupted = new InMemoryPartnerCenter(d -> {
            throw new InterruptedException("test");
        });
        CustomerId customer = newCustomer();
        interrupted.addCustomer(customer).failNext(1, Fault.latency(Duration.ofSeconds(1)));

        Unavailable outcome = (Unavailable) interrupted.getQualification(customer, context);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(outcome.reason()).isEqualTo(Unavailable.Reason.TIMED_OUT);
        assertThat(outcome.context()).isEqualTo(context);
    }

    @Test
    void customerFaults_comeBeforeGeneralOnes_andTouchNoOtherCustomer() {
        CustomerId unlucky = newCustomer();
        CustomerId other = newCustomer();
        fake.addCustomer(unlucky).addCustomer(other)
                .failNext(1, Fault.unavailable())
                .failFor(unlucky, 1, Fault.throttled(Duration.ofSeconds(7)));

        Unavailable first = (Unavailable) fake.getQualification(unlucky, context);
        Unavailable second = (Unavailable) fake.getQualification(unlucky, context);
        Found third = (Found) fake.getQualification(other, context);

        assertThat(first.reason()).isEqualTo(Unavailable.Reason.THROTTLED);
        assertThat(first.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(second.reason()).isEqualTo(Unavailable.Reason.SERVER_ERROR);
        assertThat(third.customer()).isEqualTo(other);
        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void faultsQueueInTheOrderScripted() {
        fake.failNext(1, Fault.serverError(502)).failNext(1, Fault.rejected(409, "777", "conflict"));

        Unavailable first = (Unavailable) fake.listValidationCodes(context);
        Rejected second = (Rejected) fake.listValidationCodes(context);
        CodesListed third = (CodesListed) fake.listValidationCodes(context);

        assertThat(first.error().httpStatus()).hasValue(502);
        assertThat(second.error().serviceCode()).contains("777");
        assertThat(second.reason()).isEqualTo(Rejected.Reason.REQUEST_REFUSED);
        assertThat(third.codes()).isEmpty();
    }

    @Test
    void throttledFault_isTheServicesAnswer_withoutWireText() {
        fake.failNext(1, Fault.throttled(Duration.ofSeconds(57)));

        Unavailable throttled = (Unavailable) fake.listValidationCodes(context);

        assertThat(throttled).isEqualTo(new Unavailable(Unavailable.Reason.THROTTLED, ErrorDetail.of(429,
                Optional.empty(), "Rate limit is exceeded. Try again in 57 seconds."),
                Optional.of(Duration.ofSeconds(57)), 1, context));
        assertThat(throttled.error().rawBody()).as("an in-memory answer crossed no wire").isEmpty();
    }

    @Test
    void faultFactories_refuseValuesThatMeanSomethingElse() {
        assertThatThrownBy(() -> Fault.rejected(404, "60003", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.rejected(429, "1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.rejected(500, "1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.serverError(404)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.throttled(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.latency(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.failNext(0, Fault.unavailable())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demoData_holdsWhatTheReadmeLists() {
        InMemoryPartnerCenter demo = DemoData.seed(fake);

        assertThat(demo.qualificationsOf(DemoData.FRESH_CUSTOMER)).isEmpty();
        assertThat(demo.qualificationsOf(DemoData.SECOND_FRESH_CUSTOMER)).isEmpty();
        assertThat(demo.qualificationsOf(DemoData.EDUCATION_CUSTOMER)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
        assertThat(demo.qualificationsOf(DemoData.GCC_CUSTOMER)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD));
        assertThat(demo.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(5);
        assertThat(demo.remainingCreates(DemoData.USED_UP_CODE)).isZero();
    }
}
