package io.github.pcqualification.app.bulk;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * The customers a bulk run has seen, each with the position it was first listed at: an open-addressing
 * table of three {@code long}s per customer (24 bytes), so a million customers cost about 48 MiB at
 * the worst load factor instead of the ~150 MiB of a {@code HashMap<UUID, Long>}. Not thread-safe: the
 * thread that reads the rows alone uses it. (Moved from the CLI's bulk job, which now runs on this engine.)
 */
final class CustomerIndex {

    /** Slots at the start; the table doubles whenever it would become more than half full. */
    static final int INITIAL_SLOTS = 1 << 10;

    private long[] most = new long[INITIAL_SLOTS];
    private long[] least = new long[INITIAL_SLOTS];
    private long[] lines = new long[INITIAL_SLOTS];   // 0 = empty slot (lines start at 1)
    private int size;

    /**
     * Records {@code customer} as first seen on {@code line} (at least 1), or returns the line it was first seen
     * on.
     */
    OptionalLong putIfAbsent(UUID customer, long line) {
        checkArgument(line >= 1, "line numbers start at 1, got %s", line);
        if ((size + 1) * 2L > lines.length) {
            grow();
        }
        long m = customer.getMostSignificantBits();
        long l = customer.getLeastSignificantBits();
        int mask = lines.length - 1;
        for (int i = slot(m, l, mask); ; i = (i + 1) & mask) {
            if (lines[i] == 0) {
                most[i] = m;
                least[i] = l;
                lines[i] = line;
                size++;
                return OptionalLong.empty();
            }
            if (most[i] == m && least[i] == l) {
                return OptionalLong.of(lines[i]);
            }
        }
    }

    /** Where probing for a customer starts (package-private: tests use it to build colliding customers). */
    static int slot(long m, long l, int mask) {
        long h = m * 0x9E3779B97F4A7C15L ^ l;
        h ^= h >>> 31;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldMost = most;
        long[] oldLeast = least;
        long[] oldLines = lines;
        int capacity = oldLines.length * 2;
        most = new long[capacity];
        least = new long[capacity];
        lines = new long[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldLines.length; j++) {
            if (oldLines[j] != 0) {
                int i = slot(oldMost[j], oldLeast[j], mask);
                while (lines[i] != 0) {
                    i = (i + 1) & mask;
                }
                most[i] = oldMost[j];
                least[i] = oldLeast[j];
                lines[i] = oldLines[j];
            }
        }
    }
}
