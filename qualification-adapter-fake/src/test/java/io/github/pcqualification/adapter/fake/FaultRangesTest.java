package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.outcome.Rejected;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A scripted rejection takes exactly the 4xx range its factory documents, and names what it answers. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FaultRangesTest {

    @ParameterizedTest
    @CsvSource({"400, REQUEST_REFUSED", "403, REQUEST_REFUSED", "409, REQUEST_REFUSED", "402, NOT_ACCEPTED",
            "499, NOT_ACCEPTED"})
    void aRejection_takesEvery4xxAtTheEdgesOfTheRange(int status, Rejected.Reason reason) {
        Fault.Rejection rejection = (Fault.Rejection) Fault.rejected(status, "12345", "No.");

        assertThat(rejection).isEqualTo(new Fault.Rejection(status, "12345", "No."));
        assertThat(rejection.reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {399, 401, 404, 408, 429, 500})
    void aRejection_refusesStatusesOutsideItsRange_orWithAMeaningOfTheirOwn(int status) {
        assertThatThrownBy(() -> Fault.rejected(status, "12345", "No."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rejection is a 4xx other than 401 (Fault.unauthorized()), 404, 408 and 429, got " + status);
    }

    @Test
    void aRejection_refusesABlankServiceCode() {
        assertThatThrownBy(() -> Fault.rejected(400, " ", "No."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceCode must not be blank");
    }

    @Test
    void aRejection_refusesABlankDescription() {
        assertThatThrownBy(() -> Fault.rejected(400, "12345", "\t "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description must not be blank");
    }
}
