package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedFileTest {

    private static final CustomerId SCHOOL = CustomerId.parse("55555555-5555-4555-8555-555555555555");

    private final InMemoryPartnerCenter fake = new InMemoryPartnerCenter(new RecordingSleeper());

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SeedFileTest.class.getResource("/seeds/" + name).toURI());
    }

    @Test
    void theDemoSeedFile_holdsExactlyTheDemoData() throws Exception {
        InMemoryPartnerCenter fromFile = SeedFile.read(resource("demo.json"));
        InMemoryPartnerCenter fromCode = DemoData.newDemoPartnerCenter();

        for (CustomerId customer : new CustomerId[] {DemoData.FRESH_CUSTOMER, DemoData.EDUCATION_CUSTOMER,
                DemoData.GCC_CUSTOMER, DemoData.SECOND_FRESH_CUSTOMER}) {
            assertThat(fromFile.qualificationsOf(customer)).isEqualTo(fromCode.qualificationsOf(customer));
        }
        OperationContext context = OperationContext.newOperation();
        for (CustomerId customer : new CustomerId[] {DemoData.FRESH_CUSTOMER, DemoData.GCC_CUSTOMER}) {
            assertThat(fromFile.listValidations(customer, context)).isEqualTo(fromCode.listValidations(customer, context));
        }
        assertThat(((ValidationsListed) fromFile.listValidations(DemoData.GCC_CUSTOMER, context)).validations())
                .extracting(CustomerValidation::validationId).containsExactly(DemoData.VALIDATION_CODE);
        assertThat(((CodesListed) fromFile.listValidationCodes(context)).codes())
                .isEqualTo(((CodesListed) fromCode.listValidationCodes(context)).codes());
    }

    @Test
    void namesAreReadLikeTheServiceAnswers_andRemainingDefaultsToMax() throws Exception {
        SeedFile.applyTo(fake, resource("extra-school.json"));

        assertThat(fake.qualificationsOf(SCHOOL)).extracting(CustomerQualification::qualification).containsExactly(
                ReportedQualification.of(Qualification.EDUCATION), ReportedQualification.of(Qualification.STATE_OWNED_ENTITY));
        assertThat(fake.remainingCreates(ValidationCode.of("EXTRA-1"))).isEqualTo(2);
    }

    @Test
    void anEmptyObject_seedsNothing() {
        SeedFile.applyTo(fake, "{}");

        assertThat(((CodesListed) fake.listValidationCodes(OperationContext.newOperation())).codes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json                   | not json                   | seed file is not valid",
        "null                       | null                       | holds null",
        "unknown field              | {\"customer\":[]}          | $ has an unknown field 'customer'",
        "wrong type                 | {\"customers\":{}}         | $.customers must be an array",
        "fractional count           | {\"validationCodes\":[{\"validationId\":\"X\",\"maxCreates\":1.5}]} | must be a whole number",
        "bad guid                   | {\"customers\":[{\"id\":\"{1234}\"}]} | customer id must be a GUID",
        "missing id                 | {\"customers\":[{}]}       | $.customers[0].id is missing",
        "unknown qualification      | {\"customers\":[{\"id\":\"55555555-5555-4555-8555-555555555555\",\"qualifications\":[\"Charity\"]}]} | $.customers[0].qualifications[0] is not a qualification: Charity",
        "forbidden combination      | {\"customers\":[{\"id\":\"55555555-5555-4555-8555-555555555555\",\"qualifications\":[\"Education\",\"GovernmentCommunityCloud\"]}]} | cannot hold GovernmentCommunityCloud",
        "duplicate customer         | {\"customers\":[{\"id\":\"55555555-5555-4555-8555-555555555555\"},{\"id\":\"55555555-5555-4555-8555-555555555555\"}]} | already added",
        "missing maxCreates         | {\"validationCodes\":[{\"validationId\":\"X\"}]} | $.validationCodes[0].maxCreates is missing",
        "remaining above max        | {\"validationCodes\":[{\"validationId\":\"X\",\"maxCreates\":1,\"remainingCreates\":2}]} | remainingCreates must be between",
        "code with a space          | {\"validationCodes\":[{\"validationId\":\"A B\",\"maxCreates\":1}]} | visible ASCII",
    })
    void aBadSeed_isRefusedNamingTheProblem_andAddsNothing(String name, String json, String message) {
        String goodFirst = json.replace("{\"customers\":[", "{\"validationCodes\":[{\"validationId\":\"FIRST\",\"maxCreates\":1}],\"customers\":[");

        assertThatThrownBy(() -> SeedFile.applyTo(fake, goodFirst)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThat(((CodesListed) fake.listValidationCodes(OperationContext.newOperation())).codes()).isEmpty();
    }

    @Test
    void whatASeedEchoesBack_isQuotedOnOneLine() {
        String json = "{\"customers\":[{\"id\":\"55555555-5555-4555-8555-555555555555\","
                + "\"qualifications\":[\"Charity\\nFAKE: ok\\u001b[2J\"]}],\"x\\r\\ny\":1}";

        assertThatThrownBy(() -> SeedFile.applyTo(fake, json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seed file: $ has an unknown field 'x\\u000d\\u000ay' (known: ");
        assertThatThrownBy(() -> SeedFile.applyTo(fake, json.replace(",\"x\\r\\ny\":1", "")))
                .hasMessageEndingWith("is not a qualification: Charity\\u000aFAKE: ok\\u001b[2J");
        assertThatThrownBy(() -> SeedFile.applyTo(fake, "{\"validationCodes\":[{\"validationId\":\"X\","
                + "\"maxCreates\":\"1\\n2\"}]}")).hasMessageEndingWith("got 1\\u000a2");
    }

    @Test
    void aMissingFile_isAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> SeedFile.read(dir.resolve("absent.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void aFileOnDisk_isReadAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, "{\"validationCodes\":[{\"validationId\":\"DISK-1\",\"maxCreates\":3,\"remainingCreates\":1}]}");

        InMemoryPartnerCenter seeded = SeedFile.read(file);

        assertThat(seeded.remainingCreates(ValidationCode.of("DISK-1"))).isEqualTo(1);
    }

    @Test
    void aCustomersValidations_areLinkedAfterTheCodesAreRead_andUseNoCreate() {
        SeedFile.applyTo(fake, "{\"customers\":[{\"id\":\"55555555-5555-4555-8555-555555555555\","
                + "\"qualifications\":[\"GovernmentCommunityCloud\"],\"validations\":[\"LINKED-1\",\"LINKED-2\"]}],"
                + "\"validationCodes\":[{\"validationId\":\"LINKED-1\",\"maxCreates\":2},"
                + "{\"validationId\":\"LINKED-2\",\"maxCreates\":1}]}");

        CustomerId customer = CustomerId.parse("55555555-5555-4555-8555-555555555555");
        ValidationsListed listed = (ValidationsListed) fake.listValidations(customer, OperationContext.newOperation());
        assertThat(listed.validations()).extracting(v -> v.validationId().value()).containsExactly("LINKED-1", "LINKED-2");
        assertThat(fake.remainingCreates(ValidationCode.of("LINKED-1"))).isEqualTo(2);
    }

    @Test
    void aValidationLinkThatCannotBe_isRefusedWithItsPlace() {
        String gcc = "{\"id\":\"55555555-5555-4555-8555-555555555555\",\"qualifications\":[\"GovernmentCommunityCloud\"],";
        String codes = "\"validationCodes\":[{\"validationId\":\"KNOWN-1\",\"maxCreates\":1}]}";

        assertThatThrownBy(() -> SeedFile.applyTo(new InMemoryPartnerCenter(),
                "{\"customers\":[" + gcc + "\"validations\":[\"UNKNOWN-9\"]}]," + codes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seed file: $.customers[0].validations[0]: unknown validation code UNKNOWN-9");
        assertThatThrownBy(() -> SeedFile.applyTo(new InMemoryPartnerCenter(),
                "{\"customers\":[{\"id\":\"66666666-6666-4666-8666-666666666666\"}," + gcc
                        + "\"validations\":[\"KNOWN-1\", 7]}]," + codes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed file: $.customers[1].validations[1] must be a string");
        assertThatThrownBy(() -> SeedFile.applyTo(new InMemoryPartnerCenter(),
                "{\"customers\":[{\"id\":\"55555555-5555-4555-8555-555555555555\",\"validations\":[\"KNOWN-1\"]}],"
                        + codes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.customers[0].validations[0]").hasMessageContaining("does not hold GovernmentCommunityCloud");
    }
}
