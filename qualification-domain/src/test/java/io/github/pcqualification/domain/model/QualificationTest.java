package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link Qualification}: the documented values, their wire names and lenient parsing. */
class QualificationTest {

    @ParameterizedTest(name = "[{index}] {0} is \"{1}\" = {2}")
    @CsvSource({
            "NONE,                       None,                     0",
            "EDUCATION,                  Education,                1",
            "NONPROFIT,                  Nonprofit,                2",
            "GOVERNMENT_COMMUNITY_CLOUD, GovernmentCommunityCloud, 3",
            "STATE_OWNED_ENTITY,         StateOwnedEntity,         4",
    })
    void eachValue_hasTheDocumentedWireNameAndEnumInteger(Qualification value, String wireName, int enumValue) {

        String actualName = value.wireName();
        int actualInt = value.enumValue();

        assertThat(actualName).isEqualTo(wireName);
        assertThat(actualInt).isEqualTo(enumValue);
    }

    @Test
    void theDocumentedValues_areExactlyFive() {

        Qualification[] values = Qualification.values();

        assertThat(values).hasSize(5);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void wireName_parsesBackToTheSameValue(Qualification value) {

        var parsed = Qualification.fromName(value.wireName());

        assertThat(parsed).contains(value);
    }

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("governmentcommunitycloud", Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                Arguments.of("GOVERNMENTCOMMUNITYCLOUD", Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                Arguments.of("government_community_cloud", Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                Arguments.of("GOVERNMENT_COMMUNITY_CLOUD", Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                Arguments.of("government-community-cloud", Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                Arguments.of("Government Community Cloud", Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                Arguments.of("education", Qualification.EDUCATION),
                Arguments.of("EDUCATION", Qualification.EDUCATION),
                Arguments.of("none", Qualification.NONE),
                Arguments.of("NonProfit", Qualification.NONPROFIT),
                Arguments.of("non-profit", Qualification.NONPROFIT),
                Arguments.of("stateownedentity", Qualification.STATE_OWNED_ENTITY),
                Arguments.of("state_owned_entity", Qualification.STATE_OWNED_ENTITY));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("spellings")
    void names_parseIgnoringCaseUnderscoresAndDashes(String name, Qualification expected) {

        var parsed = Qualification.fromName(name);

        assertThat(parsed).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "_", "-", "Commercial", "Educations", "Edu", "GCC", "SOE", "0", "1", "3",
            "\"Education\"", "Education.", "Educat\u0131on", "EDUCAT\u0130ON"})
    void unknownNamesAndEnumIntegers_areEmpty(String name) {

        var parsed = Qualification.fromName(name);

        assertThat(parsed).isEmpty();
    }

    @Test
    void nullName_isEmpty() {

        var parsed = Qualification.fromName(null);

        assertThat(parsed).isEmpty();
    }

    @Test
    void wireNames_areDistinctAfterNormalising() {

        long distinct = Arrays.stream(Qualification.values()).map(q -> Qualification.normalize(q.wireName())).distinct().count();

        assertThat(distinct).isEqualTo(Qualification.values().length);
    }
}
