package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.pcqualification.domain.model.VettingStatus.Known;
import io.github.pcqualification.domain.model.VettingStatus.State;
import io.github.pcqualification.domain.model.VettingStatus.Unknown;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of {@link VettingStatus} (an open set) and {@link Vetting}. */
class VettingStatusTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource({
            "InReview,  IN_REVIEW",
            "inreview,  IN_REVIEW",
            "IN_REVIEW, IN_REVIEW",
            "in-review, IN_REVIEW",
            "Approved,  APPROVED",
            "APPROVED,  APPROVED",
            "Denied,    DENIED",
            "denied,    DENIED",
    })
    void documentedStatuses_parseLeniently(String raw, State expected) {

        VettingStatus status = VettingStatus.fromWire(raw);

        assertThat(status).isEqualTo(new Known(expected));
        assertThat(status).hasToString(expected.wireName());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Pending", "Expired", "Review", "", "In Review?", "\u0130nReview"}) // last: dotted capital I
    void otherStatuses_areKeptRaw(String raw) {

        VettingStatus status = VettingStatus.fromWire(raw);

        assertThat(status).isEqualTo(new Unknown(raw));
        assertThat(status).hasToString(raw);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(State.class)
    void wireName_parsesBackToTheSameState(State state) {

        VettingStatus status = VettingStatus.fromWire(state.wireName());

        assertThat(status).isEqualTo(VettingStatus.of(state));
    }

    @Test
    void nullStatus_isRefusedNamingIt() {

        var thrown = assertThatNullPointerException().isThrownBy(() -> VettingStatus.fromWire(null));

        thrown.withMessage("raw vetting status");
    }

    @Test
    void vettingOfAStatus_hasNoReasonAndNoDate() {

        Vetting vetting = Vetting.of(VettingStatus.of(State.IN_REVIEW));

        assertThat(vetting.reason()).isEmpty();
        assertThat(vetting.createdAt()).isEmpty();
        assertThat(vetting.status()).isEqualTo(new Known(State.IN_REVIEW));
    }

    @Test
    void vetting_keepsReasonAndDate() {
        Instant created = Instant.parse("2020-12-04T20:54:24Z");

        Vetting vetting = new Vetting(VettingStatus.fromWire("Denied"), Optional.of("not a school"), Optional.of(created));

        assertThat(vetting.reason()).contains("not a school");
        assertThat(vetting.createdAt()).contains(created);
    }
}
