package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fake's own bookkeeping, exactly: the checks on seeding, scripting and vetting (each names its problem), the
 * fake handed back for chaining, and the entity tag a validation code's use moves on.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class InMemoryPartnerCenterSeedingAndScriptingTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final InMemoryPartnerCenter fake = new InMemoryPartnerCenter(Clock.fixed(NOW, ZoneOffset.UTC),
            new RecordingSleeper());
    private final OperationContext context = OperationContext.newOperation();

    private static CustomerId newCustomer() {
        return new CustomerId(UUID.randomUUID());
    }

    private List<PartnerValidationCode> listedCodes() {
        return ((CodesListed) fake.listValidationCodes(context)).codes();
    }

    // ---------------------------------------------------------------- validation codes

    @Test
    void aSeededLink_isListedAsTheCustomersValidation_andUsesNoCreate() {
        CustomerId customer = newCustomer();
        ValidationCode code = ValidationCode.of("SEEDED-LINK-1");
        assertThat(fake.addCustomer(customer, Qualification.GOVERNMENT_COMMUNITY_CLOUD).addValidationCode(code, 3, 2)
                .linkValidation(customer, code)).isSameAs(fake);

        ValidationsListed listed = (ValidationsListed) fake.listValidations(customer, context);

        assertThat(listed.validations()).extracting(CustomerValidation::customer, CustomerValidation::validationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(customer, code));
        assertThat(fake.remainingCreates(code)).isEqualTo(2);
    }

    @Test
    void aLinkThatCouldNotExist_isRefused_namingWhy() {
        CustomerId gcc = newCustomer();
        CustomerId education = newCustomer();
        ValidationCode code = ValidationCode.of("SEEDED-LINK-2");
        fake.addCustomer(gcc, Qualification.GOVERNMENT_COMMUNITY_CLOUD).addCustomer(education, Qualification.EDUCATION)
                .addValidationCode(code, 1, 1).linkValidation(gcc, code);
        CustomerId unknown = newCustomer();

        assertThatThrownBy(() -> fake.linkValidation(unknown, code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown customer " + unknown);
        assertThatThrownBy(() -> fake.linkValidation(gcc, ValidationCode.of("NOT-ADDED-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown validation code NOT-ADDED-1: add it with addValidationCode first");
        assertThatThrownBy(() -> fake.linkValidation(education, code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer " + education + " does not hold GovernmentCommunityCloud: only a GCC qualification"
                        + " links a validation");
        assertThatThrownBy(() -> fake.linkValidation(gcc, code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation code SEEDED-LINK-2 is already linked to customer " + gcc);
        assertThatThrownBy(() -> fake.linkValidation(null, code)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> fake.linkValidation(gcc, null)).isInstanceOf(NullPointerException.class);
        assertThat(((ValidationsListed) fake.listValidations(gcc, context)).validations()).hasSize(1);
    }

    @Test
    void aCodeWithNoCreatesAtAll_canBeSeeded() {
        ValidationCode code = ValidationCode.of("NONE-AT-ALL");

        fake.addValidationCode(code, 0, 0);

        assertThat(fake.remainingCreates(code)).isZero();
        assertThat(listedCodes()).singleElement().satisfies(listed -> {
            assertThat(listed.maxCreates()).isEqualTo(OptionalInt.of(0));
            assertThat(listed.remainingCreates()).isEqualTo(OptionalInt.of(0));
        });
    }

    @Test
    void aNegativeMaximum_isRefusedAsSuch_notAsAnInconsistentRemainder() {
        assertThatThrownBy(() -> fake.addValidationCode(ValidationCode.of("NEGATIVE"), -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCreates must not be negative, got -1");
    }

    @Test
    void addingTheSameCodeTwice_isRefused_andKeepsTheFirstCounts() {
        ValidationCode code = ValidationCode.of("TWICE-1");
        fake.addValidationCode(code, 5, 3);

        assertThatThrownBy(() -> fake.addValidationCode(code, 9, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation code TWICE-1 was already added");
        assertThat(fake.remainingCreates(code)).isEqualTo(3);
        assertThat(listedCodes()).hasSize(1);
    }

    @Test
    void remainingCreatesOfAnUnknownCode_isCallerMisuse_namingTheCode() {
        assertThatThrownBy(() -> fake.remainingCreates(ValidationCode.of("NEVER-ADDED")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown validation code NEVER-ADDED");
    }

    @Test
    void eachCreateACodeGives_movesItsEntityTagOnByOne() {
        ValidationCode code = ValidationCode.of("TAGGED-1");
        CustomerId first = newCustomer();
        CustomerId second = newCustomer();
        fake.addValidationCode(code, 5, 5).addCustomer(first).addCustomer(second);
        assertThat(listedCodes()).singleElement().extracting(PartnerValidationCode::eTag).isEqualTo(Optional.of("W/\"1\""));

        fake.setQualification(QualificationRequest.governmentCommunityCloud(first, code), context);
        fake.requestQualification(QualificationRequest.governmentCommunityCloud(second, code), context);

        assertThat(listedCodes()).singleElement().satisfies(listed -> {
            assertThat(listed.eTag()).contains("W/\"3\"");
            assertThat(listed.remainingCreates()).isEqualTo(OptionalInt.of(3));
            assertThat(listed.maxCreates()).isEqualTo(OptionalInt.of(5));
        });
    }

    // ---------------------------------------------------------------- vetting

    @Test
    void approving_movesAnInReviewRequestToApproved_keepingItsDate_andHandsTheFakeBack() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer)
                .requestQualification(QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);

        InMemoryPartnerCenter returned = fake.approve(customer, Qualification.STATE_OWNED_ENTITY);

        assertThat(returned).isSameAs(fake);
        assertThat(fake.qualificationsOf(customer)).containsExactly(new CustomerQualification(
                ReportedQualification.of(Qualification.STATE_OWNED_ENTITY), Optional.of(new Vetting(
                        VettingStatus.of(VettingStatus.State.APPROVED), Optional.empty(), Optional.of(NOW)))));
    }

    @Test
    void denying_recordsTheReason_keepingTheDate_andHandsTheFakeBack() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer)
                .requestQualification(QualificationRequest.of(customer, Qualification.STATE_OWNED_ENTITY), context);

        InMemoryPartnerCenter returned = fake.deny(customer, Qualification.STATE_OWNED_ENTITY, "Not state owned.");

        assertThat(returned).isSameAs(fake);
        assertThat(fake.qualificationsOf(customer)).containsExactly(new CustomerQualification(
                ReportedQualification.of(Qualification.STATE_OWNED_ENTITY), Optional.of(new Vetting(
                        VettingStatus.of(VettingStatus.State.DENIED), Optional.of("Not state owned."), Optional.of(NOW)))));
    }

    @Test
    void denyingWithABlankReason_isRefused_evenForAQualificationTheCustomerHolds() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer, Qualification.EDUCATION);

        assertThatThrownBy(() -> fake.deny(customer, Qualification.EDUCATION, " \t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must not be blank");
        assertThat(((Found) fake.getQualification(customer, context)).values())
                .containsExactly(ReportedQualification.of(Qualification.EDUCATION));
    }

    // ---------------------------------------------------------------- scripting

    @Test
    void failFor_scriptsOneCall_andHandsTheFakeBack() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);

        InMemoryPartnerCenter returned = fake.failFor(customer, 1, Fault.unavailable());

        assertThat(returned).isSameAs(fake);
        assertThat(fake.getQualification(customer, context)).isInstanceOf(Unavailable.class);
        assertThat(fake.getQualification(customer, context)).isInstanceOf(Found.class);
    }

    @Test
    void failForNoCalls_isRefused_andScriptsNothing() {
        CustomerId customer = newCustomer();
        fake.addCustomer(customer);

        assertThatThrownBy(() -> fake.failFor(customer, 0, Fault.unavailable()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calls must be positive, got 0");
        assertThat(fake.getQualification(customer, context)).isInstanceOf(Found.class);
    }

    @Test
    void failForANegativeCount_isRefused() {
        assertThatThrownBy(() -> fake.failFor(newCustomer(), -3, Fault.unavailable()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calls must be positive, got -3");
    }
}
