package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.LibraryVersion;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact wire of every endpoint: request line, query, each header, body (spec sections 3 and 4). */
class WireProtocolTest extends MockServerTest {

    private static final String QUALIFICATION_PATH = PREFIX + "v1/customers/" + CUSTOMER + "/qualification";
    private static final String QUALIFICATIONS_PATH = PREFIX + "v1/customers/" + CUSTOMER + "/qualifications";
    private static final String VALIDATIONS_PATH = PREFIX + "v1/customers/" + CUSTOMER + "/validations";

    @Test
    void syncEducation_putsTheBareJsonStringWithEveryHeader() throws Exception {
        enqueueJson(200, "\"education\"");

        var outcome = adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("PUT " + QUALIFICATION_PATH + " HTTP/1.1");
        assertThat(request.getRequestUrl().query()).isNull();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("MS-CorrelationId")).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(request.getHeader("MS-RequestId")).isEqualTo("66666666-7777-4888-9999-aaaaaaaaaaaa");
        assertThat(request.getHeader("MS-Contract-Version")).isEqualTo("v1");
        assertThat(request.getHeader("User-Agent")).isEqualTo("pc-qualification-java/" + LibraryVersion.current()
                + " (Java " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ")");
        assertThat(request.getHeader("MS-PartnerCenter-Application")).isNull();
        assertThat(request.getHeader("X-Locale")).isNull();
        assertThat(request.getBody().readUtf8()).isEqualTo("\"Education\"");
        assertThat(outcome).isEqualTo(new Updated(CUSTOMER, CustomerQualification.of(Qualification.EDUCATION), CONTEXT));
    }

    @ParameterizedTest
    @MethodSource("syncRequests")
    void syncBody_isTheSameOnEveryRequestOfOneAdapter(QualificationRequest request, String expectedBody) throws Exception {
        enqueueJson(200, "\"education\"");
        enqueueJson(200, "\"education\"");
        RestQualificationAdapter adapter = adapter();

        adapter.setQualification(request, CONTEXT);
        adapter.setQualification(request, CONTEXT);

        assertThat(taken().getBody().readUtf8()).isEqualTo(expectedBody);
        RecordedRequest second = taken();
        assertThat(second.getBody().readUtf8()).isEqualTo(expectedBody);
        assertThat(second.getHeader("Content-Length")).isEqualTo(Integer.toString(expectedBody.length()));
    }

    static Stream<Arguments> syncRequests() {
        return Stream.of(
                Arguments.of(QualificationRequest.education(CUSTOMER), "\"Education\""),
                Arguments.of(QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of("12345")),
                        "\"GovernmentCommunityCloud\""));
    }

    @Test
    void syncGcc_sendsTheCodeUrlEncodedInTheQuery() throws Exception {
        enqueueJson(200, "\"governmentcommunitycloud\"");
        String code = "ab+c/d&e=f%g?h#i$j";

        var outcome = adapter().setQualification(
                QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of(code)), CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo(
                "PUT " + QUALIFICATION_PATH + "?code=ab%2Bc%2Fd%26e%3Df%25g%3Fh%23i%24j HTTP/1.1");
        assertThat(request.getRequestUrl().queryParameter("code")).isEqualTo(code);
        assertThat(request.getBody().readUtf8()).isEqualTo("\"GovernmentCommunityCloud\"");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(outcome).isEqualTo(new Updated(CUSTOMER,
                CustomerQualification.of(Qualification.GOVERNMENT_COMMUNITY_CLOUD), CONTEXT));
    }

    @Test
    void syncGcc_withThePlainDocumentedCode_sendsItAsIs() throws Exception {
        enqueueJson(200, "\"GovernmentCommunityCloud\"");

        adapter().setQualification(QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of("12345")), CONTEXT);

        assertThat(taken().getPath()).isEqualTo(QUALIFICATION_PATH + "?code=12345");
    }

    @Test
    void optionalHeaders_areSentWhenConfigured() throws Exception {
        enqueueJson(200, "\"education\"");

        adapter(b -> b.applicationName("Contoso Onboarding").locale("en-US")).getQualification(CUSTOMER, CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getHeader("MS-PartnerCenter-Application")).isEqualTo("Contoso Onboarding");
        assertThat(request.getHeader("X-Locale")).isEqualTo("en-US");
    }

    @Test
    void everyEndpoint_sendsTheLibrarysUserAgent() throws Exception {
        for (int i = 0; i < 3; i++) {
            enqueueJson(200, i == 2 ? "[]" : "\"education\"");
        }

        adapter().getQualification(CUSTOMER, CONTEXT);
        adapter().setQualification(QualificationRequest.education(CUSTOMER), CONTEXT);
        adapter().listValidationCodes(CONTEXT);

        for (int i = 0; i < 3; i++) {
            assertThat(taken().getHeader("User-Agent"))
                    .matches("pc-qualification-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java [^;()]+; [^;()]+\\)")
                    .doesNotContain("okhttp");
        }
    }

    @Test
    void userAgent_keepsOnlyVisibleAsciiAndNeverBreaksTheComment() {
        assertThat(UserAgent.of("1.2.3", "17.0.15", "Linux amd64"))
                .isEqualTo("pc-qualification-java/1.2.3 (Java 17.0.15; Linux amd64)");
        assertThat(UserAgent.of("1.0 (evil)\r\nX-Injected: 1", "17\u00e9", "Win;dows (x)\n"))
                .isEqualTo("pc-qualification-java/1.0evilX-Injected1 (Java 17; Win dows x)");
        assertThat(UserAgent.of("", " ", "\u00e9"))
                .isEqualTo("pc-qualification-java/unknown (Java unknown; unknown)");
    }

    @Test
    void syncGet_hasNoBodyAndNoContentType() throws Exception {
        enqueueJson(200, "\"none\"");

        adapter().getQualification(CUSTOMER, CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("GET " + QUALIFICATION_PATH + " HTTP/1.1");
        assertThat(request.getHeader("Content-Type")).isNull();
        assertThat(request.getBodySize()).isZero();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("MS-CorrelationId")).isEqualTo(CONTEXT.correlationId().toString());
        assertThat(request.getHeader("MS-RequestId")).isEqualTo(CONTEXT.requestId().toString());
        assertThat(request.getHeader("MS-Contract-Version")).isEqualTo("v1");
    }

    static Stream<Arguments> asyncBodies() {
        return Stream.of(
                Arguments.of(QualificationRequest.education(CUSTOMER, EducationSegment.K12, Optional.of(Website.of("contoso.edu"))),
                        "{\"qualification\":\"Education\",\"educationSegment\":\"K12\",\"website\":\"contoso.edu\"}"),
                Arguments.of(QualificationRequest.education(CUSTOMER, EducationSegment.HIGHER_EDUCATION, Optional.empty()),
                        "{\"qualification\":\"Education\",\"educationSegment\":\"HigherEducation\"}"),
                Arguments.of(QualificationRequest.of(CUSTOMER, Qualification.STATE_OWNED_ENTITY),
                        "{\"qualification\":\"StateOwnedEntity\"}"),
                Arguments.of(QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of("12345")),
                        "{\"qualification\":\"GovernmentCommunityCloud\",\"validationCode\":\"12345\"}"));
    }

    @ParameterizedTest
    @MethodSource("asyncBodies")
    void asyncPost_sendsTheDocumentedObjectWithNullsOmitted(QualificationRequest qualificationRequest, String expectedBody)
            throws Exception {
        enqueueJson(201, "{\"qualification\":\"" + qualificationRequest.qualification().wireName()
                + "\",\"vettingStatus\":\"InReview\"}");

        var outcome = adapter().requestQualification(qualificationRequest, CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("POST " + QUALIFICATIONS_PATH + " HTTP/1.1");
        assertThat(request.getRequestUrl().query()).isNull();
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("MS-RequestId")).isEqualTo(CONTEXT.requestId().toString());
        assertThat(request.getHeader("MS-Contract-Version")).isEqualTo("v1");
        assertThat(request.getBody().readUtf8()).isEqualTo(expectedBody);
        assertThat(outcome).isInstanceOf(Updated.class);
    }

    @Test
    void asyncGet_readsTheQualificationsPath() throws Exception {
        enqueueJson(200, "{\"qualifications\":[]}");

        adapter().getQualifications(CUSTOMER, CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("GET " + QUALIFICATIONS_PATH + " HTTP/1.1");
        assertThat(request.getHeader("Content-Type")).isNull();
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("MS-CorrelationId")).isEqualTo(CONTEXT.correlationId().toString());
    }

    @Test
    void codes_readTheAllValidationsPath() throws Exception {
        enqueueJson(200, "[]");

        adapter().listValidationCodes(CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("GET " + PREFIX + "v1/customers/all/validations HTTP/1.1");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("MS-RequestId")).isEqualTo(CONTEXT.requestId().toString());
        assertThat(request.getHeader("Content-Type")).isNull();
    }

    @Test
    void customerValidations_getTheCustomersValidationsPath_withEveryHeader_andNoBody() throws Exception {
        enqueueJson(200, "[]");

        var outcome = adapter(b -> b.applicationName("Contoso Onboarding").locale("en-US"))
                .listValidations(CUSTOMER, CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("GET " + VALIDATIONS_PATH + " HTTP/1.1");
        assertThat(request.getRequestUrl().query()).isNull();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("MS-CorrelationId")).isEqualTo(CONTEXT.correlationId().toString());
        assertThat(request.getHeader("MS-RequestId")).isEqualTo(CONTEXT.requestId().toString());
        assertThat(request.getHeader("MS-Contract-Version")).isEqualTo("v1");
        assertThat(request.getHeader("MS-PartnerCenter-Application")).isEqualTo("Contoso Onboarding");
        assertThat(request.getHeader("X-Locale")).isEqualTo("en-US");
        assertThat(request.getHeader("User-Agent")).startsWith("pc-qualification-java/");
        assertThat(request.getHeader("Content-Type")).isNull();
        assertThat(request.getBodySize()).isZero();
        assertThat(outcome).isEqualTo(new ValidationsListed(CUSTOMER, java.util.List.of(), CONTEXT));
    }

    @Test
    void customerValidations_andThePartnersCodes_areDifferentPaths() throws Exception {
        enqueueJson(200, "[]");
        enqueueJson(200, "[]");
        RestQualificationAdapter adapter = adapter();

        adapter.listValidationCodes(CONTEXT);
        adapter.listValidations(CUSTOMER, CONTEXT);

        assertThat(taken().getPath()).isEqualTo(PREFIX + "v1/customers/all/validations");
        assertThat(taken().getPath()).isEqualTo(VALIDATIONS_PATH);
    }

    @Test
    void baseUrlWithoutTrailingSlash_keepsItsPathPrefix() throws Exception {
        enqueueJson(200, "\"education\"");
        String base = server.url("/partner/center").toString();

        adapter(b -> b.baseUrl(java.net.URI.create(base))).getQualification(CUSTOMER, CONTEXT);

        assertThat(taken().getPath()).isEqualTo("/partner/center/v1/customers/" + CUSTOMER + "/qualification");
    }

    @Test
    void tokenSource_isAskedForEachRequest_soTokensCanRotate() throws Exception {
        enqueueJson(200, "\"education\"");
        enqueueJson(200, "\"education\"");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        var adapter = adapter(b -> b.accessTokens(AccessTokenPort.of(() -> "rotating-" + calls.incrementAndGet())));

        adapter.getQualification(CUSTOMER, CONTEXT);
        adapter.getQualification(CUSTOMER, CONTEXT);

        assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer rotating-1");
        assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer rotating-2");
    }

    @Test
    void gccWithoutCode_isSentAsItIs_andTheServicesRefusalIsKept() throws Exception {
        // The use case refuses it before anything is sent; a caller of the port itself gets the service's answer.
        enqueueJson(400, "\"GovernmentCommunityCloud needs the partner's validation code.\"");

        var outcome = adapter().setQualification(QualificationRequest.of(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD), CONTEXT);

        assertThat(taken().getRequestUrl().queryParameter("code")).isNull();
        assertThat(outcome).isInstanceOfSatisfying(io.github.pcqualification.domain.outcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(io.github.pcqualification.domain.outcome.Rejected.Reason.REQUEST_REFUSED);
            assertThat(r.error().description()).isEqualTo("GovernmentCommunityCloud needs the partner's validation code.");
        });
    }

    @Test
    void asyncEducationWithoutSegment_isSentWithoutOne() throws Exception {
        enqueueJson(400, "\"Education needs an educationSegment (K12 or HigherEducation).\"");

        var outcome = adapter().requestQualification(QualificationRequest.education(CUSTOMER), CONTEXT);

        assertThat(taken().getBody().readUtf8()).isEqualTo("{\"qualification\":\"Education\"}");
        assertThat(outcome).isInstanceOf(io.github.pcqualification.domain.outcome.Rejected.class);
    }
}
