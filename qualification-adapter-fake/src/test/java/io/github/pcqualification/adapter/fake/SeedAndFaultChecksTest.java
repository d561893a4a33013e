package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a seed file and a scripted fault refuse, each check on its own: an unknown field at every level, a value of
 * the wrong type, counts at the edges of 0 and {@code Integer.MAX_VALUE}, and statuses at the edges of their ranges.
 */
class SeedAndFaultChecksTest {

    private static final String GUID = "55555555-5555-4555-8555-555555555555";

    @TempDir
    Path dir;

    private InMemoryPartnerCenter seed(String json) throws IOException {
        return SeedFile.read(Files.writeString(dir.resolve("seed.json"), json));
    }

    private void refused(String json, String message) {
        assertThatThrownBy(() -> seed(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void anUnknownTopLevelField_isRefused() {
        refused("{\"customers\":[],\"clients\":[]}", "seed file: $ has an unknown field 'clients'");
    }

    @Test
    void anUnknownCustomerField_isRefused() {
        refused("{\"customers\":[{\"id\":\"" + GUID + "\",\"name\":\"x\"}]}",
                "seed file: $.customers[0] has an unknown field 'name'");
    }

    @Test
    void anUnknownCodeField_isRefused() {
        refused("{\"validationCodes\":[{\"validationId\":\"C-1\",\"maxCreates\":1,\"owner\":\"x\"}]}",
                "seed file: $.validationCodes[0] has an unknown field 'owner'");
    }

    @Test
    void aCustomerThatIsNotAnObject_isRefused() {
        refused("{\"customers\":[\"" + GUID + "\"]}", "seed file: $.customers[0] must be an object");
    }

    @Test
    void aQualificationThatIsNotAString_isRefused() {
        refused("{\"customers\":[{\"id\":\"" + GUID + "\",\"qualifications\":[1]}]}",
                "seed file: $.customers[0].qualifications[0] must be a string");
    }

    @Test
    void anIdThatIsNotAString_isRefused() {
        refused("{\"customers\":[{\"id\":5}]}", "seed file: $.customers[0].id must be a string");
    }

    @Test
    void countsFromZeroToTheLargestInt_areAccepted() throws IOException {
        assertThat(seed("{\"validationCodes\":[{\"validationId\":\"C-1\",\"maxCreates\":0}]}")).isNotNull();
        assertThat(seed("{\"validationCodes\":[{\"validationId\":\"C-2\",\"maxCreates\":2147483647}]}")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2147483648", "1.5"})
    void aCountThatIsNotAWholeIntFromZero_isRefused(String count) {
        refused("{\"validationCodes\":[{\"validationId\":\"C-1\",\"maxCreates\":" + count + "}]}",
                "seed file: $.validationCodes[0].maxCreates must be a whole number from 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 599})
    void aServerError_is408Or5xx(int status) {
        assertThat(new Fault.ServerError(status).status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {499, 600, 407})
    void anyOtherServerErrorStatus_isRefused(int status) {
        assertThatThrownBy(() -> new Fault.ServerError(status)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a server error is 408 or 5xx, got " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 499})
    void aRejection_isA4xx(int status) {
        assertThat(new Fault.Rejection(status, "600006", "refused").status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {399, 500, 401, 404, 408, 429})
    void aRejectionOutsideThe4xxsItMayUse_isRefused(int status) {
        assertThatThrownBy(() -> new Fault.Rejection(status, "600006", "refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("got " + status);
    }

    @Test
    void aRejectionNeedsACodeAndADescription() {
        assertThatThrownBy(() -> new Fault.Rejection(403, " ", "refused")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceCode must not be blank");
        assertThatThrownBy(() -> new Fault.Rejection(403, "600006", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description must not be blank");
    }
}
