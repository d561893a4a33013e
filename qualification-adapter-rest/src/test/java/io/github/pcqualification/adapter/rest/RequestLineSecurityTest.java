package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security: customer ids and validation codes cannot alter the request path or query. The exact
 * request line MockWebServer receives is asserted.
 */
class RequestLineSecurityTest extends MockServerTest {

    private static final String PATH = "/pc/v1/customers/" + CUSTOMER + "/qualification";

    @ParameterizedTest(name = "code {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a&b            | a%26b",
        "a&code=evil    | a%26code%3Devil",
        "a#frag         | a%23frag",
        "a?b            | a%3Fb",
        "../../all      | ..%2F..%2Fall",
        "a%2Fb          | a%252Fb",
        "%2e%2e%2f      | %252e%252e%252f",
        "a/b            | a%2Fb",
        "a+b            | a%2Bb",
        "a=b            | a%3Db",
        "a;b            | a%3Bb",
        "`\"quoted\"`   | %22quoted%22",
        "a\\b           | a%5Cb",
        "[::1]          | %5B%3A%3A1%5D",
        "{x}            | %7Bx%7D",
        "12345          | 12345"})
    void everyCharacterThatMeansSomethingInAUrl_isPercentEncodedInTheQuery(String code, String encoded)
            throws InterruptedException {
        enqueue(200, "\"GovernmentCommunityCloud\"");

        adapter().setQualification(QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of(code)), CONTEXT);

        RecordedRequest request = taken();
        assertThat(request.getRequestLine()).isEqualTo("PUT " + PATH + "?code=" + encoded + " HTTP/1.1");
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo(PATH);
        assertThat(request.getRequestUrl().queryParameterNames()).containsExactly("code");
        assertThat(request.getRequestUrl().queryParameter("code")).isEqualTo(code);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8).replace(' ', '+')).isEqualTo(code);
    }

    @Test
    void everyVisibleAsciiCode_roundTripsThroughTheQuery_andNeverTouchesThePath() throws InterruptedException {
        StringBuilder all = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            all.append(c);
        }
        String first = all.substring(0, 64);
        String second = all.substring(64);

        for (String code : new String[] {first, second}) {
            enqueue(200, "\"GovernmentCommunityCloud\"");
            adapter().setQualification(QualificationRequest.governmentCommunityCloud(CUSTOMER, ValidationCode.of(code)), CONTEXT);

            RecordedRequest request = taken();
            assertThat(request.getRequestUrl().encodedPath()).isEqualTo(PATH);
            assertThat(request.getRequestUrl().queryParameterNames()).containsExactly("code");
            assertThat(request.getRequestUrl().queryParameter("code")).isEqualTo(code);
            assertThat(request.getRequestLine()).doesNotContain("#", " " + code).matches("PUT [\\x21-\\x7e]+ HTTP/1\\.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "a b", "a\u0000", "\u0430bc", "a\u2215b", "a\uff0fb",
        "a\u2028b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ""})
    void codesWithLineBreaksSpacesLookAlikesOrTooLong_cannotBeBuilt(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> ValidationCode.of(code))
                .withMessageNotContaining("\n").withMessageNotContaining("\r");

        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../v1/customers/all", "0a1b2c3d-0000-4000-8000-00000000abcd/../all",
        "0a1b2c3d-0000-4000-8000-00000000abc%2F", "0a1b2c3d%2D0000-4000-8000-00000000abcd",
        "0a1b2c3d-0000-4000-8000-00000000abc\r", "0a1b2c3d-0000-4000-8000-00000000abc?",
        "0a1b2c3d-0000-4000-8000-00000000abc#", "0\u0430\u0031b2c3d-0000-4000-8000-00000000abcd",
        "0a1b2c3d\u20100000-4000-8000-00000000abcd", "\uff100a1b2c3d-0000-4000-8000-00000000abc"})
    void customerIdsThatCouldMoveThePath_cannotBeParsed(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.parse(id))
                .withMessageStartingWith("customer id must be a GUID").withMessageNotContaining("\r");

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUpperCaseId_isSentInCanonicalLowerCase_onEveryEndpoint() throws InterruptedException {
        CustomerId upper = CustomerId.parse(CUSTOMER.toString().toUpperCase(Locale.ROOT));
        String path = "/pc/v1/customers/" + CUSTOMER;
        enqueue(200, "\"education\"");
        enqueue(200, "[]");
        enqueue(201, "{\"qualification\":\"StateOwnedEntity\",\"vettingStatus\":\"InReview\"}");
        enqueue(200, "[]");
        RestQualificationAdapter adapter = adapter();

        adapter.getQualification(upper, CONTEXT);
        adapter.getQualifications(upper, CONTEXT);
        adapter.requestQualification(QualificationRequest.of(upper, io.github.pcqualification.domain.model.Qualification.STATE_OWNED_ENTITY), CONTEXT);
        adapter.listValidations(upper, CONTEXT);

        assertThat(taken().getRequestLine()).isEqualTo("GET " + path + "/qualification HTTP/1.1");
        assertThat(taken().getRequestLine()).isEqualTo("GET " + path + "/qualifications HTTP/1.1");
        assertThat(taken().getRequestLine()).isEqualTo("POST " + path + "/qualifications HTTP/1.1");
        assertThat(taken().getRequestLine()).isEqualTo("GET " + path + "/validations HTTP/1.1");
    }

    @Test
    void theBaseUrlPrefix_cannotBeEscapedByTheEndpointPaths() throws InterruptedException {
        enqueue(200, "[]");

        adapter().listValidationCodes(CONTEXT);

        assertThat(taken().getRequestLine()).isEqualTo("GET /pc/v1/customers/all/validations HTTP/1.1");
        assertThat(URI.create(server.url(PREFIX).toString()).getPath()).isEqualTo(PREFIX);
    }
}
