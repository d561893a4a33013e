package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogHistogramTest {

    @Test
    void everyValue_fallsInABucketThatHoldsIt_andBucketsFollowEachOther() {
        Random random = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >>> (1 + random.nextInt(63));
            int index = LogHistogram.index(value);

            assertThat(index).isBetween(0, LogHistogram.BUCKETS - 1);
            assertThat(LogHistogram.lowest(index)).isLessThanOrEqualTo(value);
            assertThat(LogHistogram.highest(index)).isGreaterThanOrEqualTo(value);
        }
        for (int index = 1; index < LogHistogram.BUCKETS; index++) {
            assertThat(LogHistogram.lowest(index)).isEqualTo(LogHistogram.highest(index - 1) + 1);
        }
        assertThat(LogHistogram.index(Long.MAX_VALUE)).isEqualTo(LogHistogram.BUCKETS - 1);
    }

    @Test
    void smallValues_areExact() {
        LogHistogram histogram = new LogHistogram();
        for (long v = 0; v < 8; v++) {
            histogram.record(v);
        }

        assertThat(histogram.quantile(0.5)).isEqualTo(3);
        assertThat(histogram.quantile(1.0)).isEqualTo(7);
        assertThat(histogram.max()).isEqualTo(7);
    }

    @Test
    void quantiles_areWithinASixteenthOfTheTrueValue_overAMillionValues() {
        LogHistogram histogram = new LogHistogram();
        for (long v = 1; v <= 1_000_000; v++) {
            histogram.record(v * 37);
        }

        assertThat(histogram.count()).isEqualTo(1_000_000);
        assertThat((double) histogram.quantile(0.50)).isCloseTo(500_000 * 37.0, within(500_000 * 37.0 / 16));
        assertThat((double) histogram.quantile(0.95)).isCloseTo(950_000 * 37.0, within(950_000 * 37.0 / 16));
        assertThat(histogram.quantile(1.0)).isLessThanOrEqualTo(histogram.max());
        assertThat(histogram.max()).isEqualTo(37_000_000);
    }

    @Test
    void aQuantile_isTheMiddleOfItsBucket_butNeverMoreThanTheMaximum() {
        LogHistogram histogram = new LogHistogram();
        histogram.record(1_000);                 // bucket 960 to 1023
        LogHistogram low = new LogHistogram();
        low.record(961);

        assertThat(histogram.quantile(0.5)).isEqualTo(991);
        assertThat(low.quantile(0.5)).isEqualTo(961);
    }

    @Test
    void empty_isZero_andBadInputIsRefused() {
        LogHistogram histogram = new LogHistogram();

        assertThat(histogram.quantile(0.95)).isZero();
        assertThat(histogram.max()).isZero();
        assertThat(histogram.count()).isZero();
        assertThatThrownBy(() -> histogram.record(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
