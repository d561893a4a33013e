package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.bulk.BulkSummary;
import io.github.pcqualification.app.bulk.BulkUpdates;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Qualifies a list of customers (in production, the rows of a query) with the bulk API, printing progress. */
class BulkFromCodeTest {

    @Test
    void qualifiesEveryCustomerOfTheList_andReportsThemInItsOrder() throws InterruptedException {
        RecordingSleeper time = new RecordingSleeper();                      // virtual time: no wait is real
        CustomerId school = CustomerId.parse("11111111-1111-4111-8111-111111111111");
        CustomerId college = CustomerId.parse("22222222-2222-4222-8222-222222222222");
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(time)
                .addCustomer(school).addCustomer(college)
                .failNext(1, Fault.throttled(Duration.ofSeconds(30)));       // one 429, waited out
        List<QualificationRequest> rows = List.of(
                QualificationRequest.education(school),
                QualificationRequest.education(college),
                QualificationRequest.education(school));                     // listed twice: sent once
        List<String> report = new ArrayList<>();

        try (PartnerCenterQualifications partnerCenter = PartnerCenterQualifications.builder()
                .ports(fake).sleeper(time).clock(time.clock()).build()) {
            BulkSummary summary = BulkUpdates.over(partnerCenter)
                    .concurrency(8)                                          // requests in flight at most
                    .progress(p -> System.out.printf("%d of %d done, %d errors, %.0f rows/s%n", p.done(),
                            p.total().orElse(-1), p.finalErrors() + p.transientErrors(), p.rate()),
                            Duration.ofSeconds(1))
                    .build()
                    .run(rows, result -> report.add(result.position() + " " + result.foldResult(
                            sent -> sent.outcome().getClass().getSimpleName(),
                            invalid -> "invalid: " + invalid.problem(),
                            duplicate -> "duplicate of " + duplicate.firstPosition(),
                            notSent -> "not sent: " + notSent.stoppedBy().message(),
                            wouldSend -> "would send",
                            crashed -> "crashed: " + crashed.exception())));

            assertThat(summary.done()).isEqualTo(3);
            assertThat(summary.finalErrors() + summary.transientErrors()).isZero();
        }
        assertThat(report).containsExactly("1 Updated", "2 Updated", "3 duplicate of 1");
        assertThat(fake.callCount()).isEqualTo(3);                           // two updates and one retry
    }
}
