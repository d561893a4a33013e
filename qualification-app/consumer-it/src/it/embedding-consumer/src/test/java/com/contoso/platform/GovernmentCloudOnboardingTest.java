package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.contoso.platform.GovernmentCloudOnboarding.Next;
import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The README's embedding example, run for real: over HTTP to the fake served on 127.0.0.1, logging through logback. */
class GovernmentCloudOnboardingTest {

    private final InMemoryPartnerCenter backend = DemoData.newDemoPartnerCenter();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private FakePartnerCenterServer server;
    private GovernmentCloudOnboarding onboarding;

    @BeforeEach
    void serveTheFakeOnLoopback() throws IOException {
        server = FakePartnerCenterServer.start(backend, 0);
        onboarding = new GovernmentCloudOnboarding(server.baseUri(), () -> "any-non-blank-token");
        logged.start();
        exampleLogger().addAppender(logged);
    }

    @AfterEach
    void stop() {
        exampleLogger().detachAppender(logged);
        onboarding.close();
        server.close();
    }

    private static Logger exampleLogger() {
        return (Logger) LoggerFactory.getLogger(GovernmentCloudOnboarding.class);
    }

    @Test
    void aFreshTenant_isQualified_usingOneCreateOfTheCode() {
        Next next = onboarding.qualify(DemoData.FRESH_CUSTOMER, DemoData.VALIDATION_CODE);

        assertThat(next).isEqualTo(Next.DONE);
        assertThat(backend.qualificationsOf(DemoData.FRESH_CUSTOMER)).extracting(CustomerQualification::qualification)
                .containsExactly(ReportedQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD));
        assertThat(backend.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(4);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .startsWith(DemoData.FRESH_CUSTOMER + " is now GovernmentCommunityCloud (");
    }

    @Test
    void aTenantThatHoldsGccAlready_isDone_withoutUsingACreate() {
        Next next = onboarding.qualify(DemoData.GCC_CUSTOMER, DemoData.VALIDATION_CODE);

        assertThat(next).isEqualTo(Next.DONE);
        assertThat(backend.remainingCreates(DemoData.VALIDATION_CODE)).isEqualTo(5);
    }

    @Test
    void aSchool_cannotBecomeGcc_andGoesToReview() {
        Next next = onboarding.qualify(DemoData.EDUCATION_CUSTOMER, DemoData.VALIDATION_CODE);

        assertThat(next).isEqualTo(Next.REVIEW);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("HTTP 403", "600006");
    }

    @Test
    void aTenantThatIsNotACustomer_isUnknown() {
        Next next = onboarding.qualify(CustomerId.parse("99999999-9999-4999-8999-999999999999"), DemoData.VALIDATION_CODE);

        assertThat(next).isEqualTo(Next.UNKNOWN_TENANT);
    }

    @Test
    void throttlingLongerThanTheRetryDeadline_isRetriedLater_withoutWaiting() {
        backend.failNext(1, Fault.throttled(Duration.ofMinutes(3)));

        Next next = onboarding.qualify(DemoData.SECOND_FRESH_CUSTOMER, DemoData.VALIDATION_CODE);

        assertThat(next).isEqualTo(Next.RETRY_LATER);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .endsWith("next try in PT3M");
    }
}
