package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.common.testing.EqualsTester;
import io.github.pcqualification.domain.model.ReportedQualification.Known;
import io.github.pcqualification.domain.model.ReportedQualification.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link ReportedQualification}: what the service reported, unknown values kept raw. */
class ReportedQualificationTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource({
            "governmentcommunitycloud,   GOVERNMENT_COMMUNITY_CLOUD",
            "GovernmentCommunityCloud,   GOVERNMENT_COMMUNITY_CLOUD",
            "government_community_cloud, GOVERNMENT_COMMUNITY_CLOUD",
            "education,                  EDUCATION",
            "none,                       NONE",
            "nonprofit,                  NONPROFIT",
            "stateownedentity,           STATE_OWNED_ENTITY",
    })
    void knownWireValue_isKnown(String raw, Qualification expected) {

        ReportedQualification reported = ReportedQualification.fromWire(raw);

        assertThat(reported).isEqualTo(new Known(expected));
        assertThat(reported.is(expected)).isTrue();
        assertThat(reported).hasToString(expected.wireName());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Commercial", "CharityOrganisation", "", " ", "7", "EDU CATION!"})
    void unknownWireValue_isKeptExactlyAsSent(String raw) {

        ReportedQualification reported = ReportedQualification.fromWire(raw);

        assertThat(reported).isEqualTo(new Unknown(raw));
        assertThat(((Unknown) reported).raw()).isEqualTo(raw);
        assertThat(reported).hasToString(raw);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(Qualification.class)
    void unknownValue_isNoKnownQualification(Qualification q) {

        ReportedQualification reported = ReportedQualification.fromWire("Commercial");

        assertThat(reported.is(q)).isFalse();
    }

    @Test
    void knownValue_isOnlyItself() {

        ReportedQualification reported = ReportedQualification.of(Qualification.EDUCATION);

        assertThat(reported.is(Qualification.EDUCATION)).isTrue();
        assertThat(reported.is(Qualification.STATE_OWNED_ENTITY)).isFalse();
        assertThat(reported.is(Qualification.GOVERNMENT_COMMUNITY_CLOUD)).isFalse();
    }

    @Test
    void equality_knownByValueUnknownByExactRawText() {

        new EqualsTester()
                .addEqualityGroup(ReportedQualification.of(Qualification.EDUCATION),
                        ReportedQualification.fromWire("education"), ReportedQualification.fromWire("EDUCATION"))
                .addEqualityGroup(ReportedQualification.fromWire("Commercial"), new Unknown("Commercial"))
                .addEqualityGroup(ReportedQualification.fromWire("commercial"))
                .testEquals();
    }

    @Test
    void nullWireValue_isRefusedNamingIt() {

        var thrown = assertThatNullPointerException().isThrownBy(() -> ReportedQualification.fromWire(null));

        thrown.withMessage("raw qualification");
    }
}
