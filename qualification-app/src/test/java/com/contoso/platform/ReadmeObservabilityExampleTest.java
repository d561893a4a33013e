package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.Updated;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The README's "Observability" example, compiled and run from a platform's package against the served fake: a meter
 * handler makes timers of the observations, tagged with their low-cardinality keys. The consumer proof cannot hold
 * it (it has no Micrometer, on purpose), so this test also checks that the README shows exactly its snippet.
 */
class ReadmeObservabilityExampleTest {

    @Test
    void theReadmeSnippet_givesTimersOfCallsAndAttempts() throws Exception {
        InMemoryPartnerCenter fake = DemoData.newDemoPartnerCenter();
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(fake, 0)) {
            URI baseUrl = server.baseUri();
            Supplier<String> tokens = () -> "readme-token";

            // README: begin
            MeterRegistry meters = new SimpleMeterRegistry();                 // in Spring Boot: the actuator's beans
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

            PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                    .partnerCenter(baseUrl, tokens)
                    .observationRegistry(registry)                            // optional: without it, nothing is observed
                    .build();
            // README: end

            try (pc) {
                assertThat(pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER)))
                        .isInstanceOf(Updated.class);
            }

            Timer operation = meters.get("partnercenter.qualification.operation")
                    .tags("operation", "update", "api", "sync", "outcome", "updated").timer();
            assertThat(operation.count()).isEqualTo(1);
            assertThat(meters.get("partnercenter.qualification.attempt").tags("status", "2xx", "retry.reason", "none",
                    "attempt", "1", "call", "set_qualification").timer().count()).isEqualTo(1);
            assertThat(meters.find("partnercenter.qualification.throttled").timers()).isEmpty();
        }
    }

    @Test
    void aMeterHandler_makesATimerOfThrottledWaits() {
        RecordingSleeper time = new RecordingSleeper();
        InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time))
                .failNext(2, Fault.throttled(Duration.ofSeconds(7)));
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake)
                .sleeper(time).clock(time.clock()).observationRegistry(registry).build();

        assertThat(pc.get(DemoData.FRESH_CUSTOMER)).isInstanceOf(Found.class);

        assertThat(meters.get("partnercenter.qualification.throttled").tags("source", "retry_after").timer().count())
                .isEqualTo(2);
        assertThat(meters.get("partnercenter.qualification.attempt").tags("status", "429").timers())
                .extracting(t -> t.getId().getTag("attempt") + ":" + t.count()).containsExactlyInAnyOrder("1:1", "2:1");
        assertThat(meters.get("partnercenter.qualification.operation").tags("outcome", "found").timer().count())
                .isEqualTo(1);
    }

    @Test
    void theReadmeShowsThisSnippet() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/com/contoso/platform/"
                + getClass().getSimpleName() + ".java"), StandardCharsets.UTF_8);
        List<String> snippet = dedent(source.subList(source.indexOf("            // README: begin") + 1,
                source.indexOf("            // README: end")));
        List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Observability");
        assertThat(section).as("the README's Observability section").isPositive();
        int start = readme.subList(section, readme.size()).indexOf("```java") + section + 1;
        int end = readme.subList(start, readme.size()).indexOf("```") + start;

        assertThat(readme.subList(start, end)).as("the README's Observability example is this test's snippet")
                .isEqualTo(snippet);
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.isBlank() ? "" : l.substring(indent)));
        return out;
    }
}
