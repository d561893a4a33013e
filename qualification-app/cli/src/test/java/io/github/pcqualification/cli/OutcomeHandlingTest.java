package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.testing.Variants;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every outcome has its exit code and its lines: a success prints on standard output and exits 0, a failure prints on
 * standard error and exits with the code of its kind. Nothing falls through to a default.
 */
class OutcomeHandlingTest {

    private static final Map<Class<? extends Failure>, Integer> EXIT_CODES = Map.of(
            InvalidRequest.class, 2, Rejected.class, 3, NotFound.class, 3, Unavailable.class, 4,
            AuthenticationFailed.class, 5);

    @Test
    void everyKindOfFailure_hasItsOwnExitCode_asTheHelpListsIt() {
        assertThat(EXIT_CODES.keySet()).as("every kind of failure has an expected exit code here")
                .containsExactlyInAnyOrder(Arrays.stream(Failure.class.getPermittedSubclasses())
                        .map(type -> type.asSubclass(Failure.class)).toArray(Class[]::new));

        for (Failure failure : Variants.failures()) {
            int expected = EXIT_CODES.get(failure.getClass());
            assertThat(ExitCodes.of(failure)).as(failure.getClass().getSimpleName()).isEqualTo(expected);
            assertThat(ExitCodes.of((UpdateOutcome) failure)).isEqualTo(expected);
            assertThat(ExitCodes.of((GetOutcome) failure)).isEqualTo(expected);
            assertThat(ExitCodes.of((CodesOutcome) failure)).isEqualTo(expected);
            assertThat(ExitCodes.of((ValidationsOutcome) failure)).isEqualTo(expected);
        }
    }

    @Test
    void successes_exitZero() {
        assertThat(ExitCodes.of(Variants.updated())).isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.of(Variants.unchanged())).isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.of(Variants.found())).isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.of(Variants.codesListed())).isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.of(Variants.validationsListed())).isEqualTo(ExitCodes.OK);
    }

    @Test
    void successes_printOnStandardOutputOnly() {
        assertThat(Render.text(Variants.updated()).out()).singleElement().asString().startsWith("Updated customer ");
        assertThat(Render.text(Variants.unchanged()).out()).singleElement().asString().startsWith("Unchanged: ");
        assertThat(Render.text(Variants.found()).out()).singleElement().asString().startsWith("Customer ");
        assertThat(Render.text(Variants.codesListed()).out()).first().asString().startsWith("1 validation code ");
        assertThat(Render.text(Variants.updated()).err()).isEmpty();
        assertThat(Render.text(Variants.found()).err()).isEmpty();
        assertThat(Render.text(Variants.codesListed()).err()).isEmpty();
        assertThat(Render.text(Variants.validationsListed()).out()).containsExactly(
                "Customer 0a1b2c3d-0000-4000-8000-00000000abcd: 1 linked validation (correlation id "
                        + Variants.validationsListed().correlationId() + ")",
                "  12345  Contoso, Inc.  partner 0f0e0d0c-0b0a-4908-8706-050403020100");
        assertThat(Render.text(Variants.validationsListed()).err()).isEmpty();
    }

    @Test
    void everyFailure_printsTwoLinesOnStandardErrorOnly_inEveryFamily() {
        for (Failure failure : Variants.failures()) {
            for (Render.Text text : new Render.Text[] {
                    Render.text((UpdateOutcome) failure),
                    Render.text((GetOutcome) failure),
                    Render.text((CodesOutcome) failure),
                    Render.text((ValidationsOutcome) failure)}) {
                assertThat(text.out()).as(failure.getClass().getSimpleName()).isEmpty();
                assertThat(text.err()).as(failure.getClass().getSimpleName()).hasSize(2)
                        .first().asString().startsWith("error: ");
            }
        }
    }

    @Test
    void everyOutcome_hasAJsonKindAndItsIds() {
        for (Failure failure : Variants.failures()) {
            assertThat(Render.json((UpdateOutcome) failure).toString())
                    .startsWith("{\"outcome\":\"" + Render.kind(failure) + "\"")
                    .endsWith(",\"correlationId\":\"" + failure.correlationId() + "\",\"requestId\":\""
                            + failure.requestId() + "\"}");
        }
        assertThat(Render.json(Variants.updated()).toString()).startsWith("{\"outcome\":\"updated\",\"customerId\":");
        assertThat(Render.json(Variants.unchanged()).toString()).startsWith("{\"outcome\":\"unchanged\",");
        assertThat(Render.json(Variants.found()).toString()).startsWith("{\"outcome\":\"found\",");
        assertThat(Render.json(Variants.codesListed()).toString()).startsWith("{\"outcome\":\"codes_listed\",");
        assertThat(Render.json(Variants.validationsListed()).toString()).isEqualTo("{\"outcome\":\"validations_listed\","
                + "\"customerId\":\"0a1b2c3d-0000-4000-8000-00000000abcd\",\"validations\":[{\"validationId\":\"12345\","
                + "\"partnerId\":\"0f0e0d0c-0b0a-4908-8706-050403020100\",\"organizationName\":\"Contoso, Inc.\","
                + "\"eTag\":\"W/\\\"1\\\"\"}],\"correlationId\":\"" + Variants.validationsListed().correlationId()
                + "\",\"requestId\":\"" + Variants.validationsListed().requestId() + "\"}");
        for (Failure failure : Variants.failures()) {
            assertThat(Render.json((ValidationsOutcome) failure).toString())
                    .startsWith("{\"outcome\":\"" + Render.kind(failure) + "\"");
        }
    }
}
