package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.adapter.fake.testing.WithFakePartnerCenter;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.policy.ResilientPorts;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.service.QualificationService;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The extension as a platform's integration test uses it: one annotation, parameters resolved per test. */
@WithFakePartnerCenter
class PartnerCenterFakeExtensionTest {

    private InMemoryPartnerCenter seenInBeforeEach;

    @BeforeEach
    void remember(InMemoryPartnerCenter partnerCenter) {
        seenInBeforeEach = partnerCenter;
    }

    @Test
    void injectsOneDemoSeededFakePerTest_sharedByEveryParameter(InMemoryPartnerCenter partnerCenter,
            QualificationPort port, QualificationService service, UpdateQualificationUseCase update) {
        assertThat(partnerCenter).isSameAs(seenInBeforeEach);
        assertThat(port).as("the fake behind the resilience decorator").isInstanceOf(ResilientPorts.class);
        assertThat(update).isSameAs(service);
        assertThat(service.mode()).isEqualTo(ApiMode.SYNCHRONOUS);
        assertThat(partnerCenter.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(5);
    }

    @RepeatedTest(2)
    void eachTestStartsFromTheSeed_evenAfterAnotherChangedIt(QualificationService service, InMemoryPartnerCenter partnerCenter) {
        assertThat(partnerCenter.qualificationsOf(DemoData.FRESH_CUSTOMER)).isEmpty();

        var outcome = service.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));

        assertThat(outcome).isInstanceOf(Updated.class);
    }

    @Test
    void theUseCasesRunTheDomainRulesAgainstTheFake(QualificationService service) {
        var again = service.update(QualificationRequest.education(DemoData.EDUCATION_CUSTOMER));

        assertThat(again).isInstanceOf(Unchanged.class);
    }

    @Test
    void aScriptedThrottling_isWaitedOutAndRetried_asInProduction_onVirtualTime(InMemoryPartnerCenter partnerCenter,
            RecordingSleeper sleeper, QualificationService service) {
        partnerCenter.failNext(1, Fault.throttled(Duration.ofSeconds(57)));

        var outcome = service.get(DemoData.EDUCATION_CUSTOMER);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(57));
        assertThat(partnerCenter.callCount()).isEqualTo(2);
    }

    @Test
    void throttledOnEveryAttempt_isUnavailable_afterTheDefaultPolicysAttempts(InMemoryPartnerCenter partnerCenter,
            QualificationService service) {
        partnerCenter.failNext(RetryPolicy.defaults().maxAttempts(), Fault.throttled(Duration.ofSeconds(1)));

        var outcome = service.get(DemoData.EDUCATION_CUSTOMER);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.attempts()).isEqualTo(RetryPolicy.defaults().maxAttempts()));
    }

    @Test
    void scriptedLatencyIsRecorded_neverSlept(InMemoryPartnerCenter partnerCenter, RecordingSleeper sleeper,
            QualificationService service) {
        partnerCenter.failNext(1, Fault.latency(Duration.ofMinutes(10)));

        var outcome = service.get(DemoData.GCC_CUSTOMER);

        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(10));
    }

    @Test
    @WithFakePartnerCenter(seed = WithFakePartnerCenter.Seed.EMPTY, mode = ApiMode.ASYNCHRONOUS)
    void theMethodsAnnotationWins_emptyAndAsynchronous(InMemoryPartnerCenter partnerCenter, QualificationService service) {
        assertThat(service.mode()).isEqualTo(ApiMode.ASYNCHRONOUS);
        assertThatThrownBy(() -> partnerCenter.qualificationsOf(DemoData.FRESH_CUSTOMER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(((CodesListed) service.listValidationCodes()).codes()).isEmpty();
    }

    @Test
    @WithFakePartnerCenter(seedResource = "seeds/extra-school.json")
    void aSeedResource_replacesTheDemoData_asServeFakeSeedDoes(InMemoryPartnerCenter partnerCenter) throws Exception {
        InMemoryPartnerCenter servedWithSeed = SeedFile.read(resource("/seeds/extra-school.json"));

        assertThat(partnerCenter.qualificationsOf(EXTRA_CUSTOMER)).hasSize(2)
                .isEqualTo(servedWithSeed.qualificationsOf(EXTRA_CUSTOMER));
        assertThat(codes(partnerCenter)).isEqualTo(codes(servedWithSeed))
                .extracting(PartnerValidationCode::code).containsExactly(ValidationCode.of("EXTRA-1"));
        assertThatThrownBy(() -> partnerCenter.qualificationsOf(DemoData.FRESH_CUSTOMER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithFakePartnerCenter(seed = WithFakePartnerCenter.Seed.DEMO, seedResource = "/seeds/extra-school.json")
    void seedDemo_withASeedResource_addsTheResourceToTheDemoData(InMemoryPartnerCenter partnerCenter) {
        assertThat(partnerCenter.qualificationsOf(EXTRA_CUSTOMER)).hasSize(2);
        assertThat(partnerCenter.qualificationsOf(DemoData.EDUCATION_CUSTOMER)).hasSize(1);
        assertThat(codes(partnerCenter)).extracting(PartnerValidationCode::code)
                .containsExactlyInAnyOrder(DemoData.VALIDATION_CODE, DemoData.USED_UP_CODE, ValidationCode.of("EXTRA-1"));
    }

    @Test
    @WithFakePartnerCenter(seed = WithFakePartnerCenter.Seed.EMPTY, seedResource = "seeds/extra-school.json")
    void seedEmpty_withASeedResource_holdsOnlyTheResource(InMemoryPartnerCenter partnerCenter) {
        assertThat(partnerCenter.qualificationsOf(EXTRA_CUSTOMER)).hasSize(2);
        assertThat(partnerCenter.remainingCreates(ValidationCode.of("EXTRA-1"))).isEqualTo(2);
        assertThat(codes(partnerCenter)).hasSize(1);
    }

    @Test
    @WithFakePartnerCenter(seed = WithFakePartnerCenter.Seed.DEMO)
    void seedDemo_withoutAResource_isTheDemoData(InMemoryPartnerCenter partnerCenter) {
        assertThat(partnerCenter.qualificationsOf(DemoData.GCC_CUSTOMER)).hasSize(1);
        assertThat(codes(partnerCenter)).hasSize(2);
    }

    private static final CustomerId EXTRA_CUSTOMER = CustomerId.parse("55555555-5555-4555-8555-555555555555");

    private static List<PartnerValidationCode> codes(InMemoryPartnerCenter partnerCenter) {
        return ((CodesListed) partnerCenter.listValidationCodes(OperationContext.newOperation())).codes();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PartnerCenterFakeExtensionTest.class.getResource(name).toURI());
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingAnnotationApplies(InMemoryPartnerCenter partnerCenter) {
            assertThat(partnerCenter.qualificationsOf(DemoData.GCC_CUSTOMER)).hasSize(1);
        }
    }
}
