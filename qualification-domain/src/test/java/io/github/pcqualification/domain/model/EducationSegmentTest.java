package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link EducationSegment}: {@code K12} and {@code HigherEducation}, parsed leniently. */
class EducationSegmentTest {

    @ParameterizedTest(name = "[{index}] {0} is \"{1}\"")
    @CsvSource({"K12, K12", "HIGHER_EDUCATION, HigherEducation"})
    void eachSegment_hasTheDocumentedWireName(EducationSegment segment, String wireName) {

        String actual = segment.wireName();

        assertThat(actual).isEqualTo(wireName);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource({
            "K12,              K12",
            "k12,              K12",
            "k-12,             K12",
            "HigherEducation,  HIGHER_EDUCATION",
            "highereducation,  HIGHER_EDUCATION",
            "HIGHER_EDUCATION, HIGHER_EDUCATION",
            "higher-education, HIGHER_EDUCATION",
    })
    void names_parseIgnoringCaseUnderscoresAndDashes(String name, EducationSegment expected) {

        var parsed = EducationSegment.fromName(name);

        assertThat(parsed).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "K", "K13", "Higher", "University", "0"})
    void otherNames_areEmpty(String name) {

        var parsed = EducationSegment.fromName(name);

        assertThat(parsed).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"\u212A12", "\u212a-12", "\uFF2B12"}) // Kelvin sign, full-width K
    void nonAsciiLookAlikes_areNotFoldedIntoAsciiNames(String name) {

        var parsed = EducationSegment.fromName(name);

        assertThat(parsed).isEmpty();
    }

    @Test
    void nullName_isEmpty() {

        var parsed = EducationSegment.fromName(null);

        assertThat(parsed).isEmpty();
    }
}
