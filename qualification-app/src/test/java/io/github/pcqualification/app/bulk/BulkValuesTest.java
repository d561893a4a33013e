package io.github.pcqualification.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.testing.Variants;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bulk API's values: each result's fold and classification, the progress figures, and what each refuses. */
class BulkValuesTest {

    private static final QualificationRequest REQUEST = QualificationRequest.education(
            CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd"));
    private static final AuthenticationFailed AUTH = (AuthenticationFailed) Variants.failures().get(4);

    private static List<BulkResult<String>> oneOfEach() {
        return List.of(new BulkResult.Sent<>(1, "k", REQUEST, Variants.updated()),
                new BulkResult.Invalid<>(2, "k", "bad"),
                new BulkResult.Duplicate<>(3, "k", REQUEST, 1),
                new BulkResult.NotSent<>(4, "k", REQUEST, AUTH),
                new BulkResult.WouldSend<>(5, "k", REQUEST),
                new BulkResult.Crashed<>(6, "k", REQUEST, new IllegalStateException("bug")));
    }

    private static String fold(BulkResult<String> result) {
        return result.foldResult(s -> "sent", i -> "invalid", d -> "duplicate", n -> "not-sent", w -> "would-send",
                c -> "crashed");
    }

    @Test
    void eachVariant_takesOnlyItsOwnFunction() {
        assertThat(oneOfEach()).extracting(BulkValuesTest::fold)
                .containsExactly("sent", "invalid", "duplicate", "not-sent", "would-send", "crashed");
    }

    @Test
    void aFold_refusesANullFunction_whicheverVariant() {
        Function<Object, String> f = x -> "x";
        for (BulkResult<String> result : oneOfEach()) {
            assertThatNullPointerException().isThrownBy(() -> result.foldResult(null, f, f, f, f, f));
            assertThatNullPointerException().isThrownBy(() -> result.foldResult(f, f, f, f, f, null));
        }
    }

    @Test
    void finalAndError_followWhatARerunWouldDo() {
        assertThat(oneOfEach()).extracting(BulkResult::isFinal).containsExactly(true, true, true, false, true, false);
        assertThat(oneOfEach()).extracting(BulkResult::isError).containsExactly(false, true, false, true, false, true);
        assertThat(oneOfEach()).extracting(BulkResult::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aSentRow_isFinalWhenTheServiceAnswered_andAnErrorWhenItFailed() {
        List<Failure> failures = Variants.failures();

        assertThat(failures.stream().map(f -> new BulkResult.Sent<>(1, "k", REQUEST, f).isFinal()))
                .containsExactly(true, true, true, false, false);
        assertThat(failures.stream().map(f -> new BulkResult.Sent<>(1, "k", REQUEST, f).isError())).containsOnly(true);
        assertThat(new BulkResult.Sent<>(1, "k", REQUEST, Variants.unchanged()).isFinal()).isTrue();
        assertThat(new BulkResult.Sent<>(1, "k", REQUEST, Variants.unchanged()).isError()).isFalse();
    }

    @Test
    void results_refuseWhatCannotBe() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkResult.Invalid<>(0, "k", "bad"));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.Invalid<>(1, null, "bad"));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkResult.Duplicate<>(3, "k", REQUEST, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkResult.Duplicate<>(3, "k", REQUEST, 0));
        assertThat(new BulkResult.Duplicate<>(2, "k", REQUEST, 1).firstPosition()).isEqualTo(1);
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.Sent<>(1, "k", REQUEST, null));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.Crashed<>(1, "k", REQUEST, null));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.NotSent<>(1, "k", REQUEST, null));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.WouldSend<>(1, "k", null));
    }

    @Test
    void everyResult_refusesAPositionBelowOne_andANullKey() {
        List<java.util.function.LongFunction<BulkResult<String>>> atPosition = List.of(
                p -> new BulkResult.Sent<>(p, "k", REQUEST, Variants.updated()),
                p -> new BulkResult.Invalid<>(p, "k", "bad"),
                p -> new BulkResult.Duplicate<>(p, "k", REQUEST, -1),
                p -> new BulkResult.NotSent<>(p, "k", REQUEST, AUTH),
                p -> new BulkResult.WouldSend<>(p, "k", REQUEST),
                p -> new BulkResult.Crashed<>(p, "k", REQUEST, new IllegalStateException()));
        for (java.util.function.LongFunction<BulkResult<String>> result : atPosition) {
            assertThatIllegalArgumentException().isThrownBy(() -> result.apply(0))
                    .withMessage("positions start at 1, got 0");
        }
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.Sent<>(1, null, REQUEST, Variants.updated()));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.Duplicate<>(2, null, REQUEST, 1));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.NotSent<>(1, null, REQUEST, AUTH));
        assertThatNullPointerException().isThrownBy(() -> new BulkResult.WouldSend<>(1, null, REQUEST));
        assertThatNullPointerException().isThrownBy(
                () -> new BulkResult.Crashed<>(1, null, REQUEST, new IllegalStateException()));
    }

    @Test
    void items_haveARequestOrAProblem_neverBoth() {
        assertThat(BulkItem.of(1, "k", REQUEST).request()).contains(REQUEST);
        assertThat(BulkItem.invalid(1, "k", "bad").problem()).contains("bad");
        assertThatIllegalArgumentException().isThrownBy(() -> BulkItem.of(0, "k", REQUEST))
                .withMessage("positions start at 1, got 0");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new BulkItem<>(1, "k", Optional.of(REQUEST), Optional.of("bad")));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkItem<>(1, "k", Optional.empty(), Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> BulkItem.of(1, null, REQUEST));
        assertThatNullPointerException().isThrownBy(() -> BulkItem.of(1, "k", null));
        assertThatNullPointerException().isThrownBy(() -> BulkItem.invalid(1, "k", null));
    }

    private static BulkProgress progress(long done, long resumed, OptionalLong total, Duration elapsed) {
        return new BulkProgress(done, resumed, total, elapsed, 0, 0, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void theRate_isRowsOfThisRunPerSecond_andZeroBeforeAnyTime() {
        assertThat(progress(30, 100, OptionalLong.of(200), Duration.ofSeconds(10)).rate()).isEqualTo(3.0);
        assertThat(progress(30, 0, OptionalLong.empty(), Duration.ZERO).rate()).isZero();
    }

    @Test
    void theEta_isTheRowsLeftAtTheRateSoFar() {
        BulkProgress p = progress(30, 100, OptionalLong.of(200), Duration.ofSeconds(10));

        assertThat(p.left()).hasValue(70);
        assertThat(p.eta()).hasValue(Duration.ofSeconds(23).plusMillis(334));
        assertThat(p.fractionDone()).hasValue(0.65);
    }

    @Test
    void withoutATotal_orARate_thereIsNoEta() {
        assertThat(progress(30, 0, OptionalLong.empty(), Duration.ofSeconds(10)).eta()).isEmpty();
        assertThat(progress(30, 0, OptionalLong.empty(), Duration.ofSeconds(10)).left()).isEmpty();
        assertThat(progress(30, 0, OptionalLong.empty(), Duration.ofSeconds(10)).fractionDone()).isEmpty();
        assertThat(progress(0, 0, OptionalLong.of(10), Duration.ofSeconds(10)).eta()).isEmpty();
        assertThat(progress(0, 0, OptionalLong.of(10), Duration.ofSeconds(10)).fractionDone()).hasValue(0.0);
    }

    @Test
    void moreRowsThanTheTotal_leaveNothingLeft_andAreAllDone() {
        BulkProgress p = progress(12, 0, OptionalLong.of(10), Duration.ofSeconds(1));

        assertThat(p.left()).hasValue(0);
        assertThat(p.fractionDone()).hasValue(1.0);
        assertThat(p.eta()).hasValue(Duration.ZERO);
    }

    @Test
    void waitingForRetryAfter_isWhileSomePauseIsLeft() {
        BulkProgress paused = new BulkProgress(0, 0, OptionalLong.empty(), Duration.ZERO, 0, 0, Duration.ofSeconds(5),
                Duration.ofNanos(1));

        assertThat(paused.waitingForRetryAfter()).isTrue();
        assertThat(progress(0, 0, OptionalLong.empty(), Duration.ZERO).waitingForRetryAfter()).isFalse();
    }

    @Test
    void progressAndSummary_refuseNegativeFigures() {
        assertThatIllegalArgumentException().isThrownBy(() -> progress(-1, 0, OptionalLong.empty(), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> progress(0, -1, OptionalLong.empty(), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> progress(0, 0, OptionalLong.empty(), Duration.ofNanos(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkProgress(0, 0, OptionalLong.empty(), Duration.ZERO,
                -1, 0, Duration.ZERO, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkProgress(0, 0, OptionalLong.empty(), Duration.ZERO,
                0, -1, Duration.ZERO, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkProgress(0, 0, OptionalLong.empty(), Duration.ZERO,
                0, 0, Duration.ofNanos(-1), Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkProgress(0, 0, OptionalLong.empty(), Duration.ZERO,
                0, 0, Duration.ZERO, Duration.ofNanos(-1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new BulkSummary(-1, 0, 0, 0, Duration.ZERO, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new BulkSummary(0, 0, 0, -1, Duration.ZERO, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new BulkSummary(0, 0, 0, 0, Duration.ofNanos(-1), Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new BulkSummary(0, 0, 0, 0, Duration.ZERO, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1025})
    void theConcurrency_isOneTo1024(int concurrency) {
        assertThatIllegalArgumentException().isThrownBy(() -> BulkUpdates.over(r -> Variants.updated())
                .concurrency(concurrency)).withMessage("concurrency must be between 1 and 1024, got " + concurrency);
    }

    @Test
    void theBuilder_refusesAWindowSmallerThanTheRowsInFlight_andIntervalsOutOfRange() {
        BulkUpdates.Builder builder = BulkUpdates.over(r -> Variants.updated());

        assertThat(builder.concurrency(1024).build()).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> builder.concurrency(8).window(7).build());
        assertThat(builder.concurrency(8).window(8).build()).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> builder.window(0));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.window((1 << 20) + 1));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.progress(p -> { }, Duration.ofNanos(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.progress(p -> { }, Duration.ofDays(1).plusNanos(1)));
        assertThat(builder.progress(p -> { }, Duration.ofDays(1))).isSameAs(builder);
        assertThat(builder.window(1 << 20)).isSameAs(builder);
        assertThatNullPointerException().isThrownBy(() -> builder.progress(null, Duration.ZERO));
        assertThatNullPointerException().isThrownBy(() -> builder.journal(null));
        assertThatNullPointerException().isThrownBy(() -> builder.throttle(null));
        assertThatNullPointerException().isThrownBy(() -> builder.dryRun(null));
        assertThatNullPointerException().isThrownBy(() -> builder.nanoTime(null));
        assertThatNullPointerException().isThrownBy(() -> BulkUpdates.over(null));
    }

    @Test
    void noJournal_holdsNothingDone_andKeepsNothing() {
        BulkJournal none = BulkJournal.none();
        none.record(new BulkResult.Invalid<>(1, "k", "bad"));

        assertThat(none.isDone(1)).isFalse();
        assertThat(BulkJournal.none()).isSameAs(none);
    }
}
