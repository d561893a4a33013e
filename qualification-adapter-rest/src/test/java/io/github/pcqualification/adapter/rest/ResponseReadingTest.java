package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How answers become outcomes: lenient where the spec says so, never a success from an unreadable answer. */
class ResponseReadingTest extends MockServerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"education\"                  | EDUCATION",
            "\"Education\"                  | EDUCATION",
            "\"governmentcommunitycloud\"   | GOVERNMENT_COMMUNITY_CLOUD",
            "\"government_community_cloud\" | GOVERNMENT_COMMUNITY_CLOUD",
            "\"none\"                       | NONE",
            "\"StateOwnedEntity\"           | STATE_OWNED_ENTITY"})
    void syncValue_isReadCaseInsensitively(String body, Qualification expected) {
        enqueueJson(200, body);

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new Found(CUSTOMER, List.of(CustomerQualification.of(expected)), CONTEXT));
    }

    @Test
    void syncValue_unknownToThisLibrary_isKeptRaw() {
        enqueueJson(200, "\"SovereignCloud\"");

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new Found(CUSTOMER,
                List.of(CustomerQualification.of(new ReportedQualification.Unknown("SovereignCloud"))), CONTEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"none\"", "\"governmentcommunitycloud\"", "\"SovereignCloud\""})
    void aSyncUpdateAnsweredWithAnotherValue_isMalformed_neverUpdated(String body) {
        enqueueJson(200, body);

        var outcome = adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        Unavailable unavailable = (Unavailable) outcome;
        assertThat(unavailable.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
        assertThat(unavailable.error().httpStatus()).isEqualTo(OptionalInt.of(200));
        assertThat(unavailable.error().rawBody()).contains(body);
        assertThat(unavailable.error().description()).contains("Education");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"InReview\"}",
        "[{\"qualification\":\"none\"}]",
        "{\"qualification\":\"education\",\"qualification\":\"none\"}",
        "{\"qualification\":\"none\",\"qualification\":\"education\"}",
        "{\"qualifications\":[{\"qualification\":\"education\",\"vettingStatus\":\"Approved\",\"vettingStatus\":\"Denied\"}]}"})
    void anAsyncUpdateAnsweredWithAnotherQualificationOrDuplicateKeys_isMalformed(String body) {
        enqueueJson(201, body);

        var outcome = adapter().requestQualification(QualificationRequest.education(CUSTOMER, EducationSegment.K12,
                Optional.empty()), CONTEXT);

        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) outcome).reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
        assertThat(((Unavailable) outcome).error().rawBody()).contains(body);
    }

    @Test
    void aCodesListWithADuplicateKey_isMalformed() {
        enqueueJson(200, "[{\"validationId\":\"GCC-1\",\"validationId\":\"GCC-2\",\"maxCreates\":1}]");

        var outcome = adapter().listValidationCodes(CONTEXT);

        assertThat(outcome).isInstanceOf(Unavailable.class);
    }

    @Test
    void aSuccessWhoseBodyIsNotValidUtf8_isMalformed_forEveryOperation() {
        okio.Buffer invalid = new okio.Buffer().writeUtf8("\"educ").writeByte(0xC3).writeByte(0x28).writeUtf8("ation\"");
        for (int i = 0; i < 3; i++) {
            server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200).setBody(invalid.clone()));
        }
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setBody(new okio.Buffer().writeUtf8("\"education\"").writeByte(0xFF)));

        var get = adapter().getQualification(CUSTOMER, CONTEXT);
        var set = adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);
        var codes = adapter().listValidationCodes(CONTEXT);
        var trailing = adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(List.of(get, set, codes, trailing)).allSatisfy(o -> {
            assertThat(o).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) o).reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(((Unavailable) o).error().description()).contains("UTF-8");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{}", "[]", "[\"education\"]", "1", "null", "true", "\"\"", "\"education", "education",
            "\"education\" \"none\"", "<html><body>Welcome</body></html>", "{\"qualification\":\"education\"}"})
    void successWhoseBodyIsNotABareJsonString_isMalformedNeverASuccess(String body) {
        enqueue(200, body);

        var outcome = adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(200));
            assertThat(u.attempts()).isEqualTo(1);
            assertThat(u.context()).isEqualTo(CONTEXT);
        });
    }

    @Test
    void noContent_onSyncGet_isMalformed() {
        enqueue(204, "");

        var outcome = adapter().getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void asyncPost_201WithOneObject_isUpdatedWithItsVetting() {
        enqueueJson(201, "{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\","
                + "\"vettingReason\":\"Not enough proof\",\"vettingCreateDate\":\"2020-12-04T20:54:24Z\"}");

        var outcome = adapter().requestQualification(
                QualificationRequest.education(CUSTOMER, EducationSegment.K12, Optional.empty()), CONTEXT);

        assertThat(outcome).isEqualTo(new Updated(CUSTOMER, new CustomerQualification(
                ReportedQualification.of(Qualification.EDUCATION),
                Optional.of(new Vetting(VettingStatus.of(VettingStatus.State.IN_REVIEW), Optional.of("Not enough proof"),
                        Optional.of(Instant.parse("2020-12-04T20:54:24Z"))))), CONTEXT));
    }

    @Test
    void asyncPost_200WithWrapper_picksTheRequestedQualification() {
        enqueueJson(200, "{\"qualifications\":[{\"qualification\":\"Education\",\"vettingStatus\":\"Approved\"},"
                + "{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"InReview\"}]}");

        var outcome = adapter().requestQualification(QualificationRequest.of(CUSTOMER, Qualification.STATE_OWNED_ENTITY), CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Updated.class, u -> {
            assertThat(u.qualification().qualification()).isEqualTo(ReportedQualification.of(Qualification.STATE_OWNED_ENTITY));
            assertThat(u.qualification().vetting().orElseThrow().status()).isEqualTo(VettingStatus.of(VettingStatus.State.IN_REVIEW));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"qualifications\":[]}", "[]", "{}", "\"education\"", "{\"vettingStatus\":\"InReview\"}"})
    void asyncPost_withoutAnyQualificationInTheAnswer_isMalformed(String body) {
        enqueueJson(201, body);

        var outcome = adapter().requestQualification(QualificationRequest.of(CUSTOMER, Qualification.STATE_OWNED_ENTITY), CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void asyncGet_wrapper_readsEveryEntryWithVettingAndBothDateSpellings() {
        enqueueJson(200, "{\"qualifications\":["
                + "{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\",\"vettingReason\":null,"
                + "\"vettingCreateDate\":\"2020-12-04T20:54:24Z\"},"
                + "{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"Denied\",\"vettingReason\":\"Not state owned\","
                + "\"vettingCreatedDate\":\"2021-01-05T08:00:00+01:00\",\"extra\":{\"ignored\":[1,2]}}]}");

        var outcome = adapter().getQualifications(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new Found(CUSTOMER, List.of(
                new CustomerQualification(ReportedQualification.of(Qualification.EDUCATION),
                        Optional.of(new Vetting(VettingStatus.of(VettingStatus.State.IN_REVIEW), Optional.empty(),
                                Optional.of(Instant.parse("2020-12-04T20:54:24Z"))))),
                new CustomerQualification(ReportedQualification.of(Qualification.STATE_OWNED_ENTITY),
                        Optional.of(new Vetting(VettingStatus.of(VettingStatus.State.DENIED), Optional.of("Not state owned"),
                                Optional.of(Instant.parse("2021-01-05T07:00:00Z")))))), CONTEXT));
    }

    @Test
    void asyncGet_bareArray_withNullsAndUnknownValues_keepsThemRaw() {
        enqueueJson(200, "[{\"qualification\":\"Sovereign\",\"vettingStatus\":\"Escalated\",\"vettingCreateDate\":\"not a date\"},"
                + "{\"qualification\":\"education\",\"vettingStatus\":null,\"vettingReason\":null,\"vettingCreateDate\":null}]");

        var outcome = adapter().getQualifications(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new Found(CUSTOMER, List.of(
                new CustomerQualification(new ReportedQualification.Unknown("Sovereign"),
                        Optional.of(new Vetting(new VettingStatus.Unknown("Escalated"), Optional.empty(), Optional.empty()))),
                CustomerQualification.of(Qualification.EDUCATION)), CONTEXT));
    }

    @Test
    void asyncGet_emptyList_isFoundWithNothing() {
        enqueueJson(200, "{\"qualifications\":[]}");

        var outcome = adapter().getQualifications(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new Found(CUSTOMER, List.of(), CONTEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"education\"", "{\"qualifications\":{}}", "[{\"vettingStatus\":\"InReview\"}]",
            "[{\"qualification\":true}]", "{\"qualifications\":[{\"qualifications\":[]}]}", "<html></html>", "[1]"})
    void asyncGet_unreadable_isMalformed(String body) {
        enqueueJson(200, body);

        var outcome = adapter().getQualifications(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void codes_bareArray_withNullableCounts_andNumericIds() {
        enqueueJson(200, "[{\"partnerId\":\"3b33e682-00c3-41ee-9dd2-a548adf56438\",\"organizationName\":\"Contoso, Inc.\","
                + "\"validationId\":\"12345\",\"maxCreates\":5,\"remainingCreates\":0,\"eTag\":\"W/\\\"datetime'x'\\\"\"},"
                + "{\"validationId\":67890,\"maxCreates\":null,\"remainingCreates\":null}]");

        var outcome = adapter().listValidationCodes(CONTEXT);

        assertThat(outcome).isEqualTo(new CodesListed(List.of(
                new PartnerValidationCode(ValidationCode.of("12345"), Optional.of("3b33e682-00c3-41ee-9dd2-a548adf56438"),
                        Optional.of("Contoso, Inc."), OptionalInt.of(5), OptionalInt.of(0), Optional.of("W/\"datetime'x'\"")),
                PartnerValidationCode.of(ValidationCode.of("67890"))), CONTEXT));
        assertThat(((CodesListed) outcome).codes().get(0).isUsedUp()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"items\":[]}", "[{\"partnerId\":\"x\"}]", "[{\"validationId\":\"\"}]",
            "[{\"validationId\":\"has space\"}]", "[{\"validationId\":\"1\",\"remainingCreates\":-1}]",
            "[{\"validationId\":\"1\",\"maxCreates\":\"many\"}]", "[null]"})
    void codes_unreadable_isMalformed(String body) {
        enqueueJson(200, body);

        var outcome = adapter().listValidationCodes(CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE));
    }

    @Test
    void customerValidations_bareArray_everyField_unknownFieldsIgnored_numericIds_andTheIdInAnyCase() {
        enqueueJson(200, "[{\"customerId\":\"0A1B2C3D-0000-4000-8000-00000000ABCD\","
                + "\"partnerId\":\"3b33e682-00c3-41ee-9dd2-a548adf56438\",\"validationId\":\"12345\","
                + "\"organizationName\":\"Contoso, Inc.\",\"eTag\":\"W/\\\"datetime'x'\\\"\","
                + "\"maxCreates\":5,\"links\":{\"self\":{\"uri\":\"/x\"}},\"attributes\":[1,2]},"
                + "{\"customerId\":null,\"validationId\":67890,\"partnerId\":null,\"organizationName\":null,\"eTag\":null}]");

        var outcome = adapter().listValidations(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new ValidationsListed(CUSTOMER, List.of(
                new CustomerValidation(CUSTOMER, Optional.of("3b33e682-00c3-41ee-9dd2-a548adf56438"),
                        ValidationCode.of("12345"), Optional.of("Contoso, Inc."), Optional.of("W/\"datetime'x'\"")),
                CustomerValidation.of(CUSTOMER, ValidationCode.of("67890"))), CONTEXT));
    }

    @Test
    void customerValidations_anEmptyArray_isAnEmptyListing() {
        enqueueJson(200, "[]");

        var outcome = adapter().listValidations(CUSTOMER, CONTEXT);

        assertThat(outcome).isEqualTo(new ValidationsListed(CUSTOMER, List.of(), CONTEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "{}", "\"12345\"", "{\"items\":[]}", "[null]", "[[]]", "[] []",
            "[{\"customerId\":\"0a1b2c3d-0000-4000-8000-00000000abcd\"}]",
            "[{\"validationId\":\"\"}]",
            "[{\"validationId\":\"has space\"}]",
            "[{\"validationId\":[\"12345\"]}]",
            "[{\"validationId\":\"12345\",\"validationId\":\"67890\"}]",
            "[{\"validationId\":\"12345\",\"eTag\":{}}]",
            "[{\"validationId\":\"12345\",\"customerId\":\"99999999-9999-4999-8999-999999999999\"}]",
            "[{\"validationId\":\"12345\",\"customerId\":\"{0a1b2c3d-0000-4000-8000-00000000abcd}\"}]",
            "[{\"validationId\":\"12345\",\"customerId\":\"all\"}]"})
    void customerValidations_unreadableOrAboutAnotherCustomer_isMalformed_neverListed(String body) {
        enqueueJson(200, body);

        var outcome = adapter().listValidations(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Unavailable.Reason.MALFORMED_RESPONSE);
            assertThat(u.error().httpStatus()).isEqualTo(OptionalInt.of(200));
            assertThat(u.error().description()).contains("customer's validations");
            assertThat(u.context()).isEqualTo(CONTEXT);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void customerValidations_ofAnUnknownCustomer_isNotFound_withTheServicesCode() {
        enqueueJson(404, "{\"code\":60003,\"description\":\"Tenant not found\",\"data\":[],\"source\":\"PartnerFD\"}");

        var outcome = adapter().listValidations(CustomerId.parse("99999999-9999-4999-8999-999999999999"), CONTEXT);

        assertThat(outcome).isInstanceOfSatisfying(NotFound.class, n -> {
            assertThat(n.error().httpStatus()).isEqualTo(OptionalInt.of(404));
            assertThat(n.error().serviceCode()).contains("60003");
            assertThat(n.error().description()).isEqualTo("Tenant not found");
            assertThat(n.context()).isEqualTo(CONTEXT);
        });
    }
}
