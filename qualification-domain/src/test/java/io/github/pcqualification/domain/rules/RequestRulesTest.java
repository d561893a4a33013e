package io.github.pcqualification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specification of {@link RequestRules}: every qualification, through either API, with and without a
 * validation code and an education segment, and exactly which rules each combination breaks.
 */
class RequestRulesTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final ValidationCode CODE = ValidationCode.of("12345");

    private static QualificationRequest request(Qualification q, boolean code, boolean segment) {
        return new QualificationRequest(CUSTOMER, q,
                code ? Optional.of(CODE) : Optional.empty(),
                segment ? Optional.of(EducationSegment.K12) : Optional.empty(),
                Optional.empty());
    }

    private static List<Rule> rules(String expected) {
        return expected.isBlank() ? List.of() : Arrays.stream(expected.split("\\|")).map(String::trim).map(Rule::valueOf).toList();
    }

    private static List<Rule> broken(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::rule).toList();
    }

    @ParameterizedTest(name = "[{index}] {0} {1} code={2} segment={3} -> [{4}]")
    @CsvSource(delimiter = ';', nullValues = "n/a", emptyValue = "", textBlock = """
            # qualification           ; mode         ; code ; segment ; rules broken
            NONE                      ; SYNCHRONOUS  ; false; false   ; NEVER_SETTABLE
            NONE                      ; SYNCHRONOUS  ; false; true    ; NEVER_SETTABLE|EDUCATION_DETAILS_NOT_ACCEPTED
            NONE                      ; SYNCHRONOUS  ; true ; false   ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED
            NONE                      ; SYNCHRONOUS  ; true ; true    ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            NONE                      ; ASYNCHRONOUS ; false; false   ; NEVER_SETTABLE
            NONE                      ; ASYNCHRONOUS ; false; true    ; NEVER_SETTABLE|EDUCATION_DETAILS_NOT_ACCEPTED
            NONE                      ; ASYNCHRONOUS ; true ; false   ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED
            NONE                      ; ASYNCHRONOUS ; true ; true    ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            EDUCATION                 ; SYNCHRONOUS  ; false; false   ;
            EDUCATION                 ; SYNCHRONOUS  ; false; true    ; EDUCATION_DETAILS_NOT_ACCEPTED
            EDUCATION                 ; SYNCHRONOUS  ; true ; false   ; VALIDATION_CODE_NOT_ACCEPTED
            EDUCATION                 ; SYNCHRONOUS  ; true ; true    ; VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            EDUCATION                 ; ASYNCHRONOUS ; false; false   ; EDUCATION_SEGMENT_REQUIRED
            EDUCATION                 ; ASYNCHRONOUS ; false; true    ;
            EDUCATION                 ; ASYNCHRONOUS ; true ; false   ; VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_SEGMENT_REQUIRED
            EDUCATION                 ; ASYNCHRONOUS ; true ; true    ; VALIDATION_CODE_NOT_ACCEPTED
            NONPROFIT                 ; SYNCHRONOUS  ; false; false   ; NEVER_SETTABLE
            NONPROFIT                 ; SYNCHRONOUS  ; false; true    ; NEVER_SETTABLE|EDUCATION_DETAILS_NOT_ACCEPTED
            NONPROFIT                 ; SYNCHRONOUS  ; true ; false   ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED
            NONPROFIT                 ; SYNCHRONOUS  ; true ; true    ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            NONPROFIT                 ; ASYNCHRONOUS ; false; false   ; NEVER_SETTABLE
            NONPROFIT                 ; ASYNCHRONOUS ; false; true    ; NEVER_SETTABLE|EDUCATION_DETAILS_NOT_ACCEPTED
            NONPROFIT                 ; ASYNCHRONOUS ; true ; false   ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED
            NONPROFIT                 ; ASYNCHRONOUS ; true ; true    ; NEVER_SETTABLE|VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            GOVERNMENT_COMMUNITY_CLOUD; SYNCHRONOUS  ; false; false   ; VALIDATION_CODE_REQUIRED
            GOVERNMENT_COMMUNITY_CLOUD; SYNCHRONOUS  ; false; true    ; VALIDATION_CODE_REQUIRED|EDUCATION_DETAILS_NOT_ACCEPTED
            GOVERNMENT_COMMUNITY_CLOUD; SYNCHRONOUS  ; true ; false   ;
            GOVERNMENT_COMMUNITY_CLOUD; SYNCHRONOUS  ; true ; true    ; EDUCATION_DETAILS_NOT_ACCEPTED
            GOVERNMENT_COMMUNITY_CLOUD; ASYNCHRONOUS ; false; false   ; VALIDATION_CODE_REQUIRED
            GOVERNMENT_COMMUNITY_CLOUD; ASYNCHRONOUS ; false; true    ; VALIDATION_CODE_REQUIRED|EDUCATION_DETAILS_NOT_ACCEPTED
            GOVERNMENT_COMMUNITY_CLOUD; ASYNCHRONOUS ; true ; false   ;
            GOVERNMENT_COMMUNITY_CLOUD; ASYNCHRONOUS ; true ; true    ; EDUCATION_DETAILS_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; SYNCHRONOUS  ; false; false   ; NOT_SETTABLE_SYNCHRONOUSLY
            STATE_OWNED_ENTITY        ; SYNCHRONOUS  ; false; true    ; NOT_SETTABLE_SYNCHRONOUSLY|EDUCATION_DETAILS_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; SYNCHRONOUS  ; true ; false   ; NOT_SETTABLE_SYNCHRONOUSLY|VALIDATION_CODE_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; SYNCHRONOUS  ; true ; true    ; NOT_SETTABLE_SYNCHRONOUSLY|VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; ASYNCHRONOUS ; false; false   ;
            STATE_OWNED_ENTITY        ; ASYNCHRONOUS ; false; true    ; EDUCATION_DETAILS_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; ASYNCHRONOUS ; true ; false   ; VALIDATION_CODE_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; ASYNCHRONOUS ; true ; true    ; VALIDATION_CODE_NOT_ACCEPTED|EDUCATION_DETAILS_NOT_ACCEPTED
            """)
    void everyCombination_breaksExactlyTheseRules(Qualification q, ApiMode mode, boolean code, boolean segment,
            String expected) {
        QualificationRequest request = request(q, code, segment);

        List<RuleViolation> violations = RequestRules.check(request, mode);

        assertThat(broken(violations)).containsExactlyInAnyOrderElementsOf(rules(expected == null ? "" : expected));
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @ParameterizedTest(name = "[{index}] {0} {1} segment={2} -> [{3}]")
    @CsvSource(delimiter = ';', textBlock = """
            EDUCATION                 ; ASYNCHRONOUS ; true ; ''
            EDUCATION                 ; ASYNCHRONOUS ; false; EDUCATION_SEGMENT_REQUIRED
            EDUCATION                 ; SYNCHRONOUS  ; false; EDUCATION_DETAILS_NOT_ACCEPTED
            STATE_OWNED_ENTITY        ; ASYNCHRONOUS ; false; EDUCATION_DETAILS_NOT_ACCEPTED
            """)
    void website_countsAsAnEducationDetail(Qualification q, ApiMode mode, boolean segment, String expected) {
        QualificationRequest request = new QualificationRequest(CUSTOMER, q, Optional.empty(),
                segment ? Optional.of(EducationSegment.HIGHER_EDUCATION) : Optional.empty(),
                Optional.of(Website.of("contoso.edu")));

        List<RuleViolation> violations = RequestRules.check(request, mode);

        assertThat(broken(violations)).containsExactlyInAnyOrderElementsOf(rules(expected));
    }

    @Test
    void gccWithoutCode_isRefusedNamingTheValidationCode() {
        QualificationRequest request = QualificationRequest.of(CUSTOMER, Qualification.GOVERNMENT_COMMUNITY_CLOUD);

        List<RuleViolation> violations = RequestRules.check(request, ApiMode.SYNCHRONOUS);

        assertThat(violations).containsExactly(new RuleViolation(Rule.VALIDATION_CODE_REQUIRED,
                "GovernmentCommunityCloud needs the partner's validation code"));
    }

    @Test
    void nonprofit_isRefusedNamingTheValue() {
        QualificationRequest request = QualificationRequest.of(CUSTOMER, Qualification.NONPROFIT);

        List<RuleViolation> violations = RequestRules.check(request, ApiMode.ASYNCHRONOUS);

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).contains("Nonprofit"));
    }

    @Test
    void factoryRequests_meetTheRulesOfTheirApi() {
        QualificationRequest syncEducation = QualificationRequest.education(CUSTOMER);
        QualificationRequest asyncEducation = QualificationRequest.education(CUSTOMER, EducationSegment.K12,
                Optional.of(Website.of("contoso.edu")));
        QualificationRequest gcc = QualificationRequest.governmentCommunityCloud(CUSTOMER, CODE);

        var syncViolations = RequestRules.check(syncEducation, ApiMode.SYNCHRONOUS);
        var asyncViolations = RequestRules.check(asyncEducation, ApiMode.ASYNCHRONOUS);

        assertThat(syncViolations).isEmpty();
        assertThat(asyncViolations).isEmpty();
        assertThat(RequestRules.check(gcc, ApiMode.SYNCHRONOUS)).isEmpty();
        assertThat(RequestRules.check(gcc, ApiMode.ASYNCHRONOUS)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void settableByApi_followsTheSpecTable(Qualification q) {

        boolean sync = RequestRules.isSettableSynchronously(q);
        boolean async = RequestRules.isSettableAsynchronously(q);

        assertThat(sync).isEqualTo(q == Qualification.EDUCATION || q == Qualification.GOVERNMENT_COMMUNITY_CLOUD);
        assertThat(async).isEqualTo(sync || q == Qualification.STATE_OWNED_ENTITY);
    }
}
