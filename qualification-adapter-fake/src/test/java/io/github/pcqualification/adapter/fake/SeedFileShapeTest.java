package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.CodesListed;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A seed of the wrong shape, nested anywhere, is refused with an {@link IllegalArgumentException} whose message is
 * exactly the place and the problem (never a {@link ClassCastException}), and the counts' range is inclusive.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SeedFileShapeTest {

    private static final String SCHOOL = "55555555-5555-4555-8555-555555555555";

    private final InMemoryPartnerCenter fake = new InMemoryPartnerCenter(new RecordingSleeper());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "customer not an object      | {\"customers\":[5]}                                                          | seed file: $.customers[0] must be an object",
        "unknown field on a customer | {\"customers\":[{\"id\":\"" + SCHOOL + "\",\"name\":\"School\"}]}             | seed file: $.customers[0] has an unknown field 'name' (known: ",
        "id not a string             | {\"customers\":[{\"id\":5}]}                                                  | seed file: $.customers[0].id must be a string",
        "qualification not a string  | {\"customers\":[{\"id\":\"" + SCHOOL + "\",\"qualifications\":[1]}]}         | seed file: $.customers[0].qualifications[0] must be a string",
        "code not an object          | {\"validationCodes\":[\"X\"]}                                                | seed file: $.validationCodes[0] must be an object",
        "unknown field on a code     | {\"validationCodes\":[{\"validationId\":\"X\",\"maxCreates\":1,\"eTag\":\"1\"}]} | seed file: $.validationCodes[0] has an unknown field 'eTag' (known: ",
        "validationId not a string   | {\"validationCodes\":[{\"validationId\":7,\"maxCreates\":1}]}                 | seed file: $.validationCodes[0].validationId must be a string",
        "negative count              | {\"validationCodes\":[{\"validationId\":\"X\",\"maxCreates\":-1}]}            | seed file: $.validationCodes[0].maxCreates must be a whole number from 0, got -1.0",
        "count past an int           | {\"validationCodes\":[{\"validationId\":\"X\",\"maxCreates\":2147483648}]}    | seed file: $.validationCodes[0].maxCreates must be a whole number from 0, got 2.147483648E9",
    })
    void aSeedOfTheWrongShape_isRefusedNamingThePlace(String name, String json, String message) {
        assertThatThrownBy(() -> SeedFile.applyTo(fake, json))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
        assertThat(((CodesListed) fake.listValidationCodes(OperationContext.newOperation())).codes()).isEmpty();
    }

    @Test
    void countsFromZeroToTheLargestInt_areTaken() {
        SeedFile.applyTo(fake, "{\"validationCodes\":["
                + "{\"validationId\":\"ZERO\",\"maxCreates\":0},"
                + "{\"validationId\":\"LARGEST\",\"maxCreates\":2147483647,\"remainingCreates\":2147483647}]}");

        assertThat(fake.remainingCreates(ValidationCode.of("ZERO"))).isZero();
        assertThat(fake.remainingCreates(ValidationCode.of("LARGEST"))).isEqualTo(Integer.MAX_VALUE);
    }
}
