package io.github.pcqualification.cli;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A histogram of non-negative values in fixed log-scaled buckets: eight per power of two, so a quantile it reports is
 * within 1/16 of the value's size (the bucket's middle), and its memory is the same after a million values as after
 * one (488 counters). Exact below 8, and its maximum is exact. Thread-safe, without locks.
 */
final class LogHistogram {

    /** Sub-buckets per power of two. */
    private static final int SUB = 8;
    private static final int SUB_BITS = 3;
    /** Values 0 to 7 have a bucket each; then 8 per power of two from 2^3 to 2^62. */
    static final int BUCKETS = SUB + (63 - SUB_BITS) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    /** Counts {@code value}. */
    void record(long value) {
        checkArgument(value >= 0, "value must not be negative, got %s", value);
        counts.incrementAndGet(index(value));
        max.accumulate(value);
    }

    static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);        // 3 or more
        int sub = (int) (value >>> (exponent - SUB_BITS)) - SUB;     // 0 to 7
        return SUB + (exponent - SUB_BITS) * SUB + sub;
    }

    /** The smallest value of bucket {@code index}. */
    static long lowest(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = (index - SUB) / SUB + SUB_BITS;
        int sub = (index - SUB) % SUB;
        return (long) (SUB + sub) << (exponent - SUB_BITS);
    }

    /** The largest value of bucket {@code index}. */
    static long highest(int index) {
        return index + 1 < BUCKETS ? lowest(index + 1) - 1 : Long.MAX_VALUE;
    }

    /** How many values were counted. */
    long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The largest value counted, 0 if none. */
    long max() {
        return max.get();
    }

    /**
     * The value below which {@code quantile} of the values lie: the middle of the bucket that holds it, never more
     * than the maximum; 0 if nothing was counted.
     */
    long quantile(double quantile) {
        checkArgument(quantile > 0 && quantile <= 1, "quantile must be in (0, 1], got %s", quantile);
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                long low = lowest(i);
                long middle = low + (highest(i) - low) / 2;
                return Math.min(middle, max());
            }
        }
        return max();
    }
}
